import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { FilterBar } from './pages/filter-bar';

// The board's header must keep whether the picture is live and who is at the console on screen,
// whatever the filter and on a laptop's width: a console that scrolls them off to the right
// hides "Offline since…" and "Open local mode" from the operator who needs them.

/** The README's own example filter: long enough to fill a 1920-pixel header on its own. */
const LONG_FILTER = 'sev:critical,major team:payments service:checkout-* label:region=eu-west -acked';

async function expectWithinWidth(page: Page, part: Locator): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const box = await part.boundingBox();
  expect(box, 'the part is laid out').not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
}

for (const [width, filter] of [
  [1920, LONG_FILTER],
  [1600, 'team:storefront'],
  [1280, ''],
] as const) {
  test(`at ${width} px with ${filter === '' ? 'no filter' : `"${filter}"`} the header keeps the connection and the session on screen`, async ({
    hub,
    board,
    page,
  }) => {
    // An empty board shows how to connect monitoring instead of the filter bar: give it an incident.
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'CheckoutErrors', service: 'checkout-api', severity: 'critical' }),
    );
    await page.setViewportSize({ width, height: 900 });
    await board.open();
    await board.waitUntilLive();
    if (filter !== '') {
      const bar = new FilterBar(page);
      await page.keyboard.press('/');
      await bar.type(filter);
      await page.keyboard.press('Enter');
      await expect(bar.scope).toContainText('open shown');
    }
    await expectWithinWidth(page, board.connectionStatus);
    await expectWithinWidth(page, board.session);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
