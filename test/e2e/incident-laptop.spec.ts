import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// The incident's own page on a laptop (1280 × 800): its whole title is read there, so a title
// longer than the header's room wraps onto a second line instead of being cut; the buttons
// beside it keep their one line; and the timeline gives what happened the width of the column
// (who did it goes above it) instead of a fixed column that left the text a word per line.

test('on a laptop the incident page shows its whole title and a readable timeline', async ({
  hub,
  board,
  incident,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({
      alertname: 'CacheHitRatioLow',
      service: 'search-index-eu-west',
      severity: 'warning',
    }),
  );
  await board.open();
  await board.waitUntilLive();
  await board.openRows().first().click();
  await expect(incident.timelineEntry(/Incident opened|opened/i).first()).toBeVisible();

  const title = page.locator('#incident-heading');
  await expect(title).toContainText('CacheHitRatioLow on search-index-eu-west');
  const fits = await title.evaluate((element) => ({
    cut: element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1,
    lines: Math.round(element.clientHeight / Number.parseFloat(getComputedStyle(element).lineHeight)),
  }));
  expect(fits.cut).toBe(false);
  expect(fits.lines).toBe(2);

  const back = page.getByRole('button', { name: /Board/ });
  const backBox = await back.boundingBox();
  const exportBox = await page.getByRole('button', { name: /Export timeline/ }).boundingBox();
  // One line each: no taller than a button with one line of 20 px text and its padding.
  expect(backBox?.height ?? 0).toBeLessThan(60);
  expect(exportBox?.height ?? 0).toBeLessThan(60);

  const texts = await page
    .locator('.timeline__text')
    .evaluateAll((all) => all.map((element) => element.getBoundingClientRect().width));
  expect(texts.length).toBeGreaterThan(0);
  for (const width of texts) expect(width).toBeGreaterThan(350);
});
