import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// Nobody scrolls a wall: it shows the open incidents that fit, and the room took that for the
// whole board. Under the rows it now says how many open incidents are below, and keeps the count
// as incidents arrive without taking the selection or the focus of whoever is at the wall.

const fire = (hubUrl: string, n: number) =>
  sendAlertmanager(
    hubUrl,
    alertmanagerGroup({ alertname: `DiskFull${n}`, service: `orders-db-${n}`, severity: 'warning' }),
  );

/** Open incidents whose row is not seen whole in the list, counted from what is on screen. */
async function notSeenWhole(page: Page): Promise<number> {
  return page.getByTestId('active-incidents').evaluate((list) => {
    const bottom = list.getBoundingClientRect().bottom;
    const rows = [...list.querySelectorAll('[role="option"]')];
    const total = Number(rows[0]?.getAttribute('aria-setsize') ?? 0);
    const whole = rows.filter((row) => row.getBoundingClientRect().bottom <= bottom + 0.5).length;
    return total - whole;
  });
}

for (const screen of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a ${screen.width}x${screen.height} wall says how many open incidents are below its rows`, async ({
    hub,
    page,
  }) => {
    for (let n = 1; n <= 20; n++) await fire(hub.url, n);
    await page.setViewportSize(screen);
    const wall = new WallPage(page, hub);
    await wall.open('wall=1&view=board');
    await expect(wall.openRows.first()).toHaveAttribute('aria-setsize', '20');

    const marker = page.getByTestId('board-more-below');
    const below = await notSeenWhole(page);
    expect(below).toBeGreaterThan(0);
    await expect(marker).toHaveText(`+${below} more open incidents below`);
    await expect(marker).toBeInViewport({ ratio: 1 });
    // Readable from across the room: as large as the titles.
    expect(
      await marker.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    ).toBeGreaterThanOrEqual(22);

    // Someone at the wall picks a row; an arrival adds one below and leaves them on their row.
    const picked = wall.openRows.nth(1);
    await picked.focus();
    await expect(picked).toHaveAttribute('aria-selected', 'true');
    const pickedId = await picked.getAttribute('data-incident-id');
    await fire(hub.url, 21);
    await expect(marker).toHaveText(`+${below + 1} more open incidents below`);
    const stillPicked = page.locator(`[role="option"][data-incident-id="${pickedId}"]`);
    await expect(stillPicked).toHaveAttribute('aria-selected', 'true');
    await expect(stillPicked).toBeFocused();
  });
}

test('a wall whose open incidents all fit says nothing is below', async ({ hub, page }) => {
  for (let n = 1; n <= 3; n++) await fire(hub.url, n);
  await page.setViewportSize({ width: 1366, height: 768 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(wall.openRows).toHaveCount(3);
  await expect(page.getByTestId('board-more-below')).toHaveCount(0);
});
