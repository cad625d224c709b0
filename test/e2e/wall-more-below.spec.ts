import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// Nobody scrolls a wall: it shows the open incidents that fit, and the room took that for the
// whole board. Under the rows it now says how many open incidents are below, and keeps the count
// as incidents arrive without taking the selection or the focus of whoever is at the wall. The
// last hour's resolved incidents, longer than the room left them, get the same band over their
// last rows; it never takes room from the open ones, so a resolved section squeezed to its title
// has none (the title counts them).

const fire = (hubUrl: string, n: number) =>
  sendAlertmanager(
    hubUrl,
    alertmanagerGroup({ alertname: `DiskFull${n}`, service: `orders-db-${n}`, severity: 'warning' }),
  );

/** An incident opened and resolved, for the resolved list. */
async function fireAndResolve(hubUrl: string, n: number): Promise<void> {
  const group = { alertname: `Recovered${n}`, service: `cache-${n}`, severity: 'warning' };
  await sendAlertmanager(hubUrl, alertmanagerGroup(group));
  await sendAlertmanager(hubUrl, alertmanagerGroup({ ...group, status: 'resolved' }));
}

/**
 * Incidents whose row is not seen whole in a list, counted from what is on screen: below the
 * list's bottom, its section's (a wall's resolved section clips what it has no room for), or the
 * top of a band laid over it.
 */
async function notSeenWhole(
  page: Page,
  testId = 'active-incidents',
  band: { readonly y: number } | null = null,
): Promise<number> {
  return page.getByTestId(testId).evaluate((list, bandTop) => {
    const section = list.closest('section') ?? list;
    const bottom = Math.min(
      list.getBoundingClientRect().bottom,
      section.getBoundingClientRect().bottom,
      bandTop ?? Number.POSITIVE_INFINITY,
    );
    const rows = [...list.querySelectorAll('[role="option"]')];
    const total = Number(rows[0]?.getAttribute('aria-setsize') ?? 0);
    const whole = rows.filter((row) => row.getBoundingClientRect().bottom <= bottom + 0.5).length;
    return total - whole;
  }, band?.y ?? null);
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

test('a wall whose incidents all fit says nothing is below', async ({ hub, page }) => {
  for (let n = 1; n <= 3; n++) await fire(hub.url, n);
  for (let n = 1; n <= 2; n++) await fireAndResolve(hub.url, n);
  await page.setViewportSize({ width: 1366, height: 768 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(wall.openRows).toHaveCount(3);
  await expect(wall.resolvedRows).toHaveCount(2);
  await expect(page.getByTestId('board-more-below')).toHaveCount(0);
  await expect(page.getByTestId('resolved-more-below')).toHaveCount(0);
});

for (const screen of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a ${screen.width}x${screen.height} wall says how many resolved incidents are below their rows`, async ({
    hub,
    page,
  }) => {
    for (let n = 1; n <= 3; n++) await fire(hub.url, n);
    for (let n = 1; n <= 20; n++) await fireAndResolve(hub.url, n);
    await page.setViewportSize(screen);
    const wall = new WallPage(page, hub);
    await wall.open('wall=1&view=board');
    await expect(wall.resolvedRows.first()).toHaveAttribute('aria-setsize', '20');

    const marker = page.getByTestId('resolved-more-below');
    await expect(marker).toBeVisible();
    // Rows under the band are not seen: counted from what is on screen above it.
    const below = await notSeenWhole(page, 'resolved-incidents', await marker.boundingBox());
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(20);
    await expect(marker).toHaveText(`+${below} more resolved below`);
    await expect(marker).toBeInViewport({ ratio: 1 });
    expect(
      await marker.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    ).toBeGreaterThanOrEqual(22);
    await expect(page.getByTestId('board-more-below')).toHaveCount(0);

    await fireAndResolve(hub.url, 21);
    await expect(marker).toHaveText(`+${below + 1} more resolved below`);
  });
}

test('a wall whose open incidents take the room keeps them, and counts the resolved in its title', async ({
  hub,
  page,
}) => {
  for (let n = 1; n <= 20; n++) await fire(hub.url, n);
  for (let n = 1; n <= 6; n++) await fireAndResolve(hub.url, n);
  await page.setViewportSize({ width: 1366, height: 768 });
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(wall.resolvedRows.first()).toHaveAttribute('aria-setsize', '6');
  // The resolved section is down to its title: a band there would cover it or take an open row.
  await expect(page.getByRole('heading', { name: 'Resolved in the last hour (6)' })).toBeInViewport();
  await expect(page.getByTestId('resolved-more-below')).toHaveCount(0);
  const openBelow = page.getByTestId('board-more-below');
  await expect(openBelow).toHaveText(`+${await notSeenWhole(page)} more open incidents below`);
  await expect(openBelow).toBeInViewport({ ratio: 1 });
});
