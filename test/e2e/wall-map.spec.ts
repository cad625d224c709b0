import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// The dependency map on a full-HD wall: nobody scrolls a wall, so every service is drawn inside
// the map's frame, and an estate with wide layers (twelve services side by side here) is folded
// so the names stay large enough to read from across the room. The header keeps its one row.
// Once something fails, the wall draws only what is failing and what that reaches, larger.
// Nobody types at a wall: no find box, no focus hint, no keys in the service panel.

const WALL: ConsoleUser = { id: 'wall', name: 'NOC wall', role: 'viewer', token: 'wall-token' };
const WIDE = 12;
const services = Array.from({ length: WIDE }, (_, i) => [
  `  - { id: store-${i}, name: Store ${i}, team: platform, tier: 2, depends_on: [] }`,
  `  - { id: api-${i}, name: API ${i}, team: platform, tier: 2, depends_on: [store-${i}] }`,
]).flat();

test.use({
  hubSetup: {
    users: [WALL],
    configFiles: {
      'services.yaml': `teams:\n  - { id: platform, name: Platform, members: [] }\nservices:\n${services.join('\n')}\n`,
    },
  },
});

test('a wall draws the whole map inside its frame, large enough to read', async ({ hub, page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=map', WALL.token);
  const nodes = page.locator('[data-service-id]');
  await expect(nodes).toHaveCount(WIDE * 2);
  await expect(page.getByRole('heading', { name: /Dependency map/ })).toBeVisible();
  // Nobody types at a wall: the console's find box and focus hint are not drawn there.
  await expect(page.getByTestId('map-find')).toHaveCount(0);
  await expect(page.getByTestId('map-focus')).toHaveCount(0);

  const frame = await page.locator('.map-view__canvas').boundingBox();
  if (!frame) throw new Error('no map frame');
  for (const box of await nodes.evaluateAll((all) =>
    all.map((node) => node.getBoundingClientRect().toJSON()),
  )) {
    expect(box.left).toBeGreaterThanOrEqual(frame.x - 0.5);
    expect(box.right).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    expect(box.top).toBeGreaterThanOrEqual(frame.y - 0.5);
    expect(box.bottom).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
    // Drawn at 176 units wide: at least 150 px on screen (twelve abreast in this frame: ~100).
    expect(box.width).toBeGreaterThanOrEqual(150);
  }

  // The header's items share one row: the view's name does not push the clocks onto a second.
  const tops = await page
    .locator('.wall-header__row > *')
    .evaluateAll((all) =>
      all.map((element) => element.getBoundingClientRect()).map((box) => [box.top, box.bottom]),
    );
  const rowBottom = Math.min(...tops.map(([, bottom]) => bottom ?? 0));
  for (const [top] of tops) expect(top ?? 0).toBeLessThan(rowBottom);

  const path = testInfo.outputPath('wall-map-1920x1080.png');
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach('wall-map-1920x1080', { path, contentType: 'image/png' });
});

test('during an outage a wall draws what fails and what it reaches, and names them large', async ({
  hub,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=map', WALL.token);
  await expect(page.locator('[data-service-id]')).toHaveCount(WIDE * 2);
  // A sev3: an unacknowledged sev1 or sev2 would hold the wall on the board.
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'StoreSlow', service: 'store-11', severity: 'warning' }),
  );
  const nodes = page.locator('[data-service-id]');
  await expect(nodes).toHaveCount(2);
  await expect(page.locator('[data-service-id="store-11"]')).toContainText('SEV3');
  await expect(page.locator('[data-service-id="api-11"]')).toHaveAttribute('data-impacted', 'true');
  await expect(page.getByTestId('map-affected-count')).toHaveText(
    '1 failing · 1 affected · 24 in the catalog',
  );
  // The panel names the failing service's incident, without the key the console shows beside
  // it: nobody presses Enter at a wall.
  const panelIncident = page.getByTestId('map-panel-incidents').getByRole('button').first();
  await expect(panelIncident).toContainText('StoreSlow');
  await expect(panelIncident.locator('kbd')).toHaveCount(0);

  const frame = await page.locator('.map-view__canvas').boundingBox();
  if (!frame) throw new Error('no map frame');
  for (const name of await page
    .locator('.map-node__name')
    .evaluateAll((all) => all.map((text) => text.getBoundingClientRect().toJSON()))) {
    // Readable across a room: the whole map drew these names ~17 px high at best.
    expect(name.height).toBeGreaterThanOrEqual(28);
    expect(name.right).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    expect(name.bottom).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
  }

  const path = testInfo.outputPath('wall-impact-map-1920x1080.png');
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach('wall-impact-map-1920x1080', { path, contentType: 'image/png' });
});
