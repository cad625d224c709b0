import { expect, test } from './fixtures';

// A hub with no services.yaml (here: open local mode, no config folder) has no map to draw. The
// map view says so and says what to write where, instead of an empty frame that looks like a
// map with nothing wrong on it, or one still loading.

test('with no service catalog the map says what to configure, and draws no empty frame', async ({
  board,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  const map = page.getByTestId('map-view');
  await expect(map).toBeVisible();
  // No frame drawn for a map that is not there (one shows only while the catalog loads).
  await expect(map.locator('.map-view__canvas')).toHaveCount(0);
  await expect(map.getByRole('region', { name: 'Service dependency map' })).toHaveCount(0);
  const advice = map.getByTestId('map-no-catalog');
  await expect(advice).toContainText('No service catalog is configured');
  await expect(advice).toContainText('services.yaml');
  await expect(advice).toContainText('--config-dir');
  await expect(advice).toContainText('docs/configuration.md');
  // Nothing to search on an empty catalog.
  await expect(map.getByTestId('map-find')).toHaveCount(0);
  await map.screenshot({ path: test.info().outputPath('map-no-catalog.png') });

  // Escape still goes back to the board.
  await page.keyboard.press('Escape');
  await expect(map).toHaveCount(0);
});
