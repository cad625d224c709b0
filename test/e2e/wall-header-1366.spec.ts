import type { Page } from '@playwright/test';
import { freePort, type RunningHub, startHub, tempDataDir } from '../support/hub';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A 1366x768 TV draws the wall at its smallest (scale 1, 1354 px inside the burn-in margin). Its
// header wrapped onto a second row there: the clocks dropped under the severity counts when a
// sev1 held the wall or the hub went away, and a team's wall ("20 of 20 open shown ·
// service:orders-db-*") pushed half the header down. Each time the rows below jumped and the
// clocks were no longer where the room reads them. The header keeps one row; what gives way is
// the least important: the rotation's words, then the filter's query. The connection's text
// keeps one line: "Offline since 17:02:37 EST (for 50m 00s)" took three there, the duration
// broken in two; a wall says "Offline 50m 00s" and keeps since when in its title.

const SCREEN = { width: 1366, height: 768 };

test.use({ timezoneId: 'America/New_York' });

/** Each part of the header's row: on the counts' row, inside the screen, its text not cut off. */
async function expectOneRow(page: Page): Promise<void> {
  const parts = await page.getByTestId('wall-header').evaluate((header) =>
    [...header.querySelectorAll('.wall-header__row > *')].map((part) => {
      const box = part.getBoundingClientRect();
      return { part: part.className, top: box.top, bottom: box.bottom, left: box.left, right: box.right };
    }),
  );
  const counts = parts[0];
  parts.forEach((part, index) => {
    expect(part.top, part.part).toBeLessThan(counts?.bottom ?? 0);
    expect(part.right, part.part).toBeLessThanOrEqual(SCREEN.width);
    // Side by side, none drawn over the one before it.
    expect(part.left, part.part).toBeGreaterThanOrEqual(parts[index - 1]?.right ?? 0);
  });
  for (const kept of ['.connection', '.wall-clocks', '.severity-counts']) {
    const cut = await page
      .locator(`.wall-header ${kept}`)
      .evaluate((element) => element.scrollWidth > element.clientWidth + 1);
    expect(cut, kept).toBe(false);
  }
}

async function fireSev1s(hubUrl: string): Promise<void> {
  for (let n = 1; n <= 12; n++) {
    await sendAlertmanager(
      hubUrl,
      alertmanagerGroup({ alertname: `DiskFull${n}`, service: `orders-db-${n}`, severity: 'critical' }),
    );
  }
}

test('a team wall at 1366x768 keeps its header on one row', async ({ hub, page }) => {
  for (let n = 1; n <= 20; n++) {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: `DiskFull${n}`, service: `orders-db-${n}`, severity: 'warning' }),
    );
  }
  await page.setViewportSize(SCREEN);
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board&rotate=escalations&filter=service%3Aorders-db-*');
  await expect(page.getByTestId('filter-scope')).toContainText('20 of 20 open shown');
  await expectOneRow(page);
  // The count stays whole; only the query may be cut.
  await expect(page.getByTestId('filter-scope').locator('strong')).toBeInViewport({ ratio: 1 });
});

test('a wall held by a sev1 at 1366x768 keeps its header on one row', async ({ hub, page }) => {
  await fireSev1s(hub.url);
  await page.clock.setFixedTime(Date.now() + 45 * 60_000);
  await page.setViewportSize(SCREEN);
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board&rotate=escalations');
  await expect(wall.rotation).toContainText('Held until acknowledged');
  await expect(wall.oldestUnacknowledged).toContainText(/4\dm \d\ds INC-1/);
  await expectOneRow(page);
});

/** The connection's state on one line, seen whole: the word, how long, nothing cut. */
async function expectConnectionOnOneLine(page: Page): Promise<void> {
  for (const part of ['connection-status', 'last-update']) {
    const line = await page.getByTestId(part).evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        height: element.getBoundingClientRect().height,
        fontSize: Number.parseFloat(style.fontSize),
        cut: element.scrollWidth > element.clientWidth + 1,
      };
    });
    expect(line.height, part).toBeLessThan(line.fontSize * 2);
    expect(line.cut, part).toBe(false);
  }
}

test('a held team wall whose hub went away keeps its header, and its connection, on one row at 1366x768', async ({
  page,
}) => {
  const dataDir = tempDataDir('sitroom-e2e-wall-fit-');
  const hub: RunningHub = await startHub({ dataDir, port: await freePort() });
  try {
    await fireSev1s(hub.url);
    await page.clock.setFixedTime(Date.now() + 45 * 60_000);
    await page.setViewportSize(SCREEN);
    const wall = new WallPage(page, hub);
    await wall.open('wall=1&view=board&rotate=escalations&filter=service%3Aorders-db-*');
    await expect(wall.rotation).toContainText('Held until acknowledged');
    await expect(page.getByTestId('filter-scope')).toContainText('12 of 12 open shown');
    await hub.kill('SIGKILL');
    const status = page.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-status', 'offline');
    await page.clock.setFixedTime(Date.now() + 50 * 60_000);
    await expect(status).toContainText(/5\dm \d\ds/);
    await expectOneRow(page);
    await expectConnectionOnOneLine(page);
    // Read from across the room: the state and how long. Since when is in the title, and told
    // to a screen reader; the last update's time is on the line under it.
    await expect(page.getByTestId('connection-word')).toHaveText('Offline');
    await expect(status).toHaveText(/Offline 5\dm \d\ds$/);
    await expect(status).toHaveAttribute('title', /^Offline since .* EST \(for 5\dm \d\ds\)$/);
    await expect(status.locator('.visually-hidden')).toHaveText(/^Offline since \d\d:\d\d:\d\d EST$/);
    await expect(page.getByTestId('last-update')).toHaveText(/^last update \d\d:\d\d:\d\d EST$/);
  } finally {
    await hub.stop();
  }
});
