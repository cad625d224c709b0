import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// People on a bridge call name incidents by number ("I have INC-12"), so the board shows each
// row's number beside its title, and a title too long for a laptop's width gives way, not the number.

test('each board row shows its incident number, and a long title never hides it', async ({
  hub,
  board,
  page,
}) => {
  const longName = `CheckoutErrors${'VeryLongAlertNameFromAGeneratedRule'.repeat(6)}`;
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: longName, service: 'checkout-api', severity: 'critical' }),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await board.open();
  await board.waitUntilLive();

  const row = board.openRows(/CheckoutErrors/);
  await expect(row).toHaveCount(1);
  const id = await board.incidentIdOf(row);
  expect(id).toMatch(/^INC-\d+$/);
  await expect(board.numberOf(row)).toHaveText(id);
  // The title keeps its own text (tests and people read it) and is cut short with "…".
  await expect(board.titleOf(row)).toHaveText(new RegExp(`^${longName}`));

  const number = await board.numberOf(row).boundingBox();
  const title = await board.titleOf(row).boundingBox();
  const services = await board.servicesOf(row).boundingBox();
  if (!number || !title || !services) throw new Error('the row is not laid out');
  // The number is drawn whole, before the title, and the title stops before the services column.
  expect(number.width).toBeGreaterThan(20);
  expect(number.x + number.width).toBeLessThanOrEqual(title.x);
  expect(title.x + title.width).toBeLessThanOrEqual(services.x);
  // Cut by the <bdi> holding monitoring's text, in its own direction (board.css).
  const clipped = await board.titleOf(row).evaluate((element) => {
    const text = element.querySelector('bdi') ?? element;
    return text.scrollWidth > text.clientWidth + 1;
  });
  expect(clipped, 'the long title is cut short rather than pushing the row wider').toBe(true);
});

test('on a laptop the board gives the title room: "Unack" for "Unacknowledged", narrower fixed columns', async ({
  hub,
  board,
  page,
}) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'CheckoutLatencyBudgetBurn', service: 'checkout-api', severity: 'major' }),
  );
  await board.open();
  await board.waitUntilLive();
  const row = board.openRows(/CheckoutLatencyBudgetBurn/);
  const status = row.locator('.incident-row__status');

  const word = row.locator('.unack-marker__word');
  const short = row.locator('.unack-marker__short');
  const wordWidth = async (): Promise<number> => (await word.boundingBox())?.width ?? 0;

  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(word).toHaveText('Unacknowledged');
  await expect(short).toBeHidden();
  expect(await wordWidth()).toBeGreaterThan(50);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(short).toBeVisible();
  await expect(short).toHaveText('Unack');
  expect(await wordWidth()).toBeLessThanOrEqual(1);
  // Nothing in the status is cut off, and the incident's column has over 400 of the 1,280 px
  // (318 with the wall's columns).
  expect(await status.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  expect((await row.locator('.incident-row__name').boundingBox())?.width ?? 0).toBeGreaterThan(400);
  // A screen reader still hears the whole word.
  await expect(row.locator('.unack-marker')).toContainText('Unacknowledged');
});
