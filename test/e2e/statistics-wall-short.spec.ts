import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { StatisticsPage } from './pages/statistics-page';

// A 720p television (1366 × 768) shows the wall unscaled. Its statistics panel of the five
// noisiest services ran its last rows out of the bottom of the panel, over the screen's edge:
// the room saw four and a half services. All five fit inside the panel.

const SERVICES = ['orders-worker', 'search-index', 'payments-api', 'edge-lb', 'orders-db', 'auth-api'];

test('the five noisiest services fit their panel on a 720p wall', async ({ board, hub, page }) => {
  for (const service of SERVICES) {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'ErrorsHigh', service, severity: 'warning' }),
    );
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(hub.pageUrl('/?wall=1&view=statistics'));
  await expect(board.root).toHaveAttribute('data-ready', 'true');
  const statistics = new StatisticsPage(page);
  const panel = statistics.view.locator('.statistics-chart', { hasText: 'Noisiest services' });
  await expect(panel.locator('tbody tr')).toHaveCount(5);

  const spilled = await panel.evaluate((figure) => {
    const edge = Math.min(figure.getBoundingClientRect().bottom, window.innerHeight);
    return [...figure.querySelectorAll('tbody tr')]
      .filter((row) => row.getBoundingClientRect().bottom > edge + 1)
      .map((row) => row.textContent);
  });
  expect(spilled).toEqual([]);
});
