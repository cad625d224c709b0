import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { FilterBar } from './pages/filter-bar';

// A filter can hold a long word without a space: a pasted trace id, a label value. While the
// text has an error the bar repeats it with the fault marked, and says what the board shows
// meanwhile; both must wrap inside the page, or the reason (and the fault) run off its edge.

test('a long filter with an error is explained inside the page', async ({ board, hub, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFull', service: 'db', severity: 'critical' }),
  );
  await expect(board.openRows()).toHaveCount(1);
  const filter = new FilterBar(page);
  await page.keyboard.press('/');
  await filter.type(`label:trace=${'0123456789abcdef'.repeat(20)} sev:critcal`);
  await expect(filter.error).toContainText('Unknown severity');
  await expect(filter.error).toContainText('Until it reads, the board is filtered by');

  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const parts = filter.error.locator('code, span');
  for (const box of await parts.evaluateAll((all) =>
    all.map((each) => each.getBoundingClientRect().toJSON()),
  )) {
    expect(box.right).toBeLessThanOrEqual(width + 0.5);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
});
