import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// A row that changes must cost one row on screen, not the whole board. That holds while Chromium
// composites nothing inside the board: when it did (a translucent resolved section around rows
// whose cells clip their text), it gave three cells of every visible row a layer of their own
// and redrew the screen at every change (docs/performance.md). The number of composited layers,
// read from the DevTools protocol, does not depend on how busy the machine is, so it is what
// this test pins: it must not grow with the number of rows on the board.

/** The page's composited layers, as the DevTools protocol reports them after the next frame. */
async function layerCount(page: Page, cdp: CDPSession): Promise<number> {
  const next = new Promise<number>((resolve) => {
    cdp.once('LayerTree.layerTreeDidChange', (event) => resolve(event.layers?.length ?? 0));
  });
  await cdp.send('LayerTree.enable');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const count = await next;
  await cdp.send('LayerTree.disable');
  return count;
}

async function fireAndResolve(hubUrl: string, service: string): Promise<void> {
  await sendAlertmanager(hubUrl, alertmanagerGroup({ alertname: 'DiskFull', service, severity: 'warning' }));
  await sendAlertmanager(
    hubUrl,
    alertmanagerGroup({ alertname: 'DiskFull', service, severity: 'warning', status: 'resolved' }),
  );
}

test('the board composites no more layers with many open and resolved rows than with one of each', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'NodeDown', service: 'open-0', severity: 'critical' }),
  );
  await fireAndResolve(hub.url, 'resolved-0');
  await expect(board.openRows()).toHaveCount(1);
  await expect(board.resolvedRows()).toHaveCount(1);
  const cdp = await board.page.context().newCDPSession(board.page);
  const few = await layerCount(board.page, cdp);

  for (let i = 1; i < 12; i++) {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'NodeDown', service: `open-${i}`, severity: 'critical' }),
    );
    await fireAndResolve(hub.url, `resolved-${i}`);
  }
  await expect(board.page.getByRole('heading', { name: 'Open incidents (12)' })).toBeVisible();
  await expect(board.page.getByRole('heading', { name: 'Resolved in the last hour (12)' })).toBeVisible();
  // A selected resolved row, with focus elsewhere, is drawn dimmed: the case that composited.
  await board.select(board.resolvedRows().nth(2));
  await board.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const many = await layerCount(board.page, cdp);

  expect(many).toBe(few);
});
