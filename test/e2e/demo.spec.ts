import { expect, test } from './fixtures';
import { EscalationsPage } from './pages/escalations-page';
import { StatisticsPage } from './pages/statistics-page';

// A newcomer's first minute: `npm run hub -- --demo`, then the console. Every view has something
// true to show: the board the cascade, the escalations the example people paged with live
// countdowns, the map the failure and what it hurts (the auth-api ↔ user-service cycle drawn as
// such), the statistics two weeks of (marked) history, and the incident its runbook. The
// console's "Play demo scenario" button does the same on a bare hub.

const dataPlatformOnCall = /Fatima Zahra Alaoui|Noah Kim|Eve Lindqvist/;

test.describe('the demo hub', () => {
  test.use({ hubSetup: { args: ['--demo'], env: { SITROOM_DEMO_SPEED: '20' } } });

  test('fills the board, the escalations, the map and the statistics', async ({ board, incident, page }) => {
    await board.open();
    await board.waitUntilLive();

    // Board: the cascade arrives, the database first.
    const database = board.openRows(/PostgresReplicationLag on payments-db/);
    await expect(database).toHaveCount(1);
    await expect(board.openRows(/LoginFailuresHigh on auth-api/)).toHaveCount(1, { timeout: 20_000 });

    // Escalations: running ladders, paging rotation members by name, counting down.
    const escalations = new EscalationsPage(page);
    await page.keyboard.press('g');
    await page.keyboard.press('e');
    await escalations.expectOpen();
    await expect(escalations.rows.first()).toBeVisible();
    // Whoever the Payments rotation has on call this week was paged for the Payments API.
    await expect(escalations.view).toContainText(/Tom Becker|Sofía García/);
    await expect(escalations.view.getByTestId('escalation-countdown').first()).toHaveText(/^\d+:\d\d$/);
    await expect(escalations.onCallRotation('data-platform-oncall')).toContainText(dataPlatformOnCall);

    // Map: the failing database, what it hurts, and the identity cycle as a dashed arc.
    await page.keyboard.press('g');
    await page.keyboard.press('m');
    const map = page.getByTestId('map-view');
    const node = (id: string) => map.locator(`[data-service-id="${id}"]`);
    await expect(node('payments-db')).toHaveAttribute('data-health', 'sev1');
    await expect(node('ledger-service')).toHaveAttribute('data-impacted', 'true');
    await expect(node('auth-api')).toHaveAttribute('data-health', 'sev2');
    await expect(
      map.locator('[data-cycle="true"][data-edge="user-service→auth-api"]').first(),
    ).toBeAttached();
    await expect(map.getByTestId('map-cycles')).toContainText('dashed arc');

    // Statistics: the demo's history.
    const statistics = new StatisticsPage(page);
    await statistics.open();
    await expect(statistics.figure('incidents')).not.toHaveText(/^0$/);
    await expect(statistics.figure('tta')).toHaveText(/\d/);

    // The database incident: its runbook, worked by the engineer the rotation paged.
    await page.keyboard.press('g');
    await page.keyboard.press('b');
    await database.click();
    const runbook = page.getByRole('region', { name: /Runbook/ });
    await expect(runbook.getByRole('heading', { name: /Payments database/ })).toBeVisible();
    await expect(runbook.getByRole('checkbox').first()).toBeChecked({ timeout: 20_000 });
    await expect(incident.acknowledgement).toContainText(dataPlatformOnCall);
  });
});

test('"Play demo scenario" on a bare hub brings the example estate to the map', async ({ board, page }) => {
  await board.open();
  await board.waitUntilLive();
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByTestId('map-view')).toContainText('No service catalog is configured');
  await page.keyboard.press('Escape');

  await board.playDemoButton.click();
  await expect(board.openRows().first()).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  const map = page.getByTestId('map-view');
  // The whole estate is on the map; the page draws the part in view (renderer/map/map-culling.ts).
  await expect(map.getByTestId('map-canvas')).toHaveAttribute('data-services', '34');
  // Found by name, the failing database is drawn, in view, and red.
  await page.keyboard.press('/');
  await page.keyboard.type('payments-db');
  await page.keyboard.press('Enter');
  const database = map.locator('[data-service-id="payments-db"]');
  await expect(database).toBeInViewport();
  await expect(database).toHaveAttribute('data-health', 'sev1');
});
