import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { FilterBar } from './pages/filter-bar';

// Applying a filter to the board must not move the header: the tabs, the connection and who is
// signed in stay where the operator's eye and mouse left them, and the board below does not drop
// by a line when a long filter's "N of M open shown" appears (or rise when it is cleared).

/** The README's own example filter: long enough to fill a 1920-pixel header on its own. */
const LONG_FILTER = 'sev:critical,major team:payments service:checkout-* label:region=eu-west -acked';

/** Where each part of the header, and the board under it, is drawn. */
async function headerLayout(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const parts: Array<[string, string]> = [
      ['header', '.board-header'],
      ['name', '.board-header__name'],
      ['counts', '.severity-counts'],
      ['escalations', '[data-testid="escalations-tab"]'],
      ['map', '[data-testid="map-tab"]'],
      ['connection', '[data-testid="connection-status"]'],
      ['session', '[data-testid="session"]'],
      ['filter bar', '[data-testid="filter-bar"]'],
    ];
    const layout: Record<string, string> = {};
    for (const [name, selector] of parts) {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      layout[name] = box
        ? `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`
        : 'absent';
    }
    return layout;
  });
}

for (const [width, filter] of [
  [1920, LONG_FILTER],
  [1600, 'team:storefront'],
  [1280, 'sev:critical'],
] as const) {
  test(`at ${width} px, applying and clearing "${filter}" moves nothing in the header`, async ({
    hub,
    board,
    page,
  }) => {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'CheckoutErrors', service: 'checkout-api', severity: 'critical' }),
    );
    await page.setViewportSize({ width, height: 900 });
    await board.open();
    await board.waitUntilLive();
    await expect(board.openRows()).toHaveCount(1);
    const before = await headerLayout(page);
    expect(Object.values(before)).not.toContain('absent');

    const bar = new FilterBar(page);
    await page.keyboard.press('/');
    await bar.type(filter);
    await page.keyboard.press('Enter');
    await expect(bar.scope).toContainText('open shown');
    expect(await headerLayout(page)).toEqual(before);
    await page.locator('.board-header').screenshot({ path: test.info().outputPath(`header-${width}.png`) });

    // Cleared again (Esc in the bar empties it): back where it was, nothing shifted either way.
    await page.keyboard.press('/');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect(bar.scope).toHaveCount(0);
    expect(await headerLayout(page)).toEqual(before);
  });
}
