import { layoutMap } from '../../renderer/map/layout';
import { generatedCatalog, servicesYaml } from '../bench/generated-catalog';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// A large estate's map draws only the part scrolled into view (map-culling.ts). What the keys
// reach must still be drawn, focused and scrolled into view, the selected service must stay
// drawn (it holds the focus) when the view scrolls away from it, and live data must not move
// the selection.

const catalog = generatedCatalog({ services: 600, dependencies: 1800 });
const layout = layoutMap(catalog.services);
// Layers are centred: the service nearest the drawing's top-left corner is where it opens.
const leftmost = [...layout.nodes].sort((a, b) => a.x + a.y - (b.x + b.y))[0];
const rightmost = [...layout.nodes].sort((a, b) => b.x - a.x)[0];
const nameOf = (id: string): string => catalog.services.find((service) => service.id === id)?.name ?? id;

test.use({ hubSetup: { configFiles: { 'services.yaml': servicesYaml(catalog) } } });

test('a large map draws what is in view, and what the keys move to', async ({ board, hub, page }) => {
  if (leftmost === undefined || rightmost === undefined) throw new Error('empty layout');
  await board.open();
  await board.waitUntilLive();
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas).toHaveAttribute('data-services', String(layout.nodes.length));
  const drawn = Number(await canvas.getAttribute('data-drawn'));
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(layout.nodes.length / 3);
  const node = (id: string) => page.locator(`[data-service-id="${id}"]`);
  await expect(node(leftmost.id)).toBeAttached();
  await expect(node(rightmost.id)).toHaveCount(0);

  // The far end of the map, found by name: drawn, focused and scrolled into view.
  const heading = page.getByTestId('map-panel').getByRole('heading', { level: 3 });
  await page.keyboard.press('/');
  await page.keyboard.type(rightmost.id);
  await page.keyboard.press('Enter');
  await expect(heading).toContainText(nameOf(rightmost.id));
  await expect(node(rightmost.id)).toBeFocused();
  await expect(node(rightmost.id)).toBeInViewport();
  await expect(node(leftmost.id)).toHaveCount(0);

  // Along the row and up: every service the arrows land on is drawn, focused and in view.
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowLeft']) {
    const before = await heading.textContent();
    await page.keyboard.press(key);
    await expect(heading).not.toHaveText(before ?? '');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-service-id') ?? null);
    expect(id).not.toBeNull();
    await expect(heading).toContainText(nameOf(id ?? ''));
    await expect(node(id ?? '')).toBeInViewport();
  }
  const selectedId = await page.evaluate(() => document.activeElement?.getAttribute('data-service-id') ?? '');

  // Scrolled back to the start by hand: the start is drawn, and the selected service stays
  // drawn and focused far out of view, so the keys carry on from it.
  await page
    .locator('.map-view__canvas')
    .evaluate((element, at) => element.scrollTo(at.x - 100, at.y - 100), { x: leftmost.x, y: leftmost.y });
  await expect(node(leftmost.id)).toBeInViewport();
  await expect(node(selectedId)).toBeFocused();
  await expect(node(selectedId)).not.toBeInViewport();

  // Live data does not move the selection, nor the view.
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'Down', service: leftmost.id, severity: 'critical' }),
  );
  await expect(node(leftmost.id)).toHaveAttribute('data-health', 'sev1');
  await expect(heading).toContainText(nameOf(selectedId));
  await expect(node(selectedId)).toBeFocused();
  await expect(node(leftmost.id)).toBeInViewport();
});
