import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// While a sev1 waits for someone, the wall is held on the board and says so ("Held until
// acknowledged") beside the oldest unacknowledged ("12m 34s INC-46"). Those two got wide enough
// to push the clocks onto a second header row, at the left under the severity counts: the header
// grew by a third at the moment the room looks at it, and the clocks were no longer where the
// room reads them. The header keeps one row on a full-HD and a 4K wall (both lay out 1536 px wide,
// scaled 1.25× and 2.5×).

test.use({ timezoneId: 'Europe/Berlin' });

for (const screen of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`a held wall keeps its header on one row at ${screen.width}x${screen.height}`, async ({
    hub,
    page,
  }) => {
    for (let n = 1; n <= 12; n++) {
      await sendAlertmanager(
        hub.url,
        alertmanagerGroup({ alertname: `DiskFull${n}`, service: `orders-db-${n}`, severity: 'critical' }),
      );
    }
    // As the wall reads it three quarters of an hour later: the widest the oldest gets in minutes.
    await page.clock.setFixedTime(Date.now() + 45 * 60_000);
    await page.setViewportSize(screen);
    const wall = new WallPage(page, hub);
    await wall.open('wall=1&view=board&rotate=escalations');
    await expect(wall.rotation).toContainText('Held until acknowledged');
    await expect(wall.oldestUnacknowledged).toContainText(/4\dm \d\ds INC-1/);

    const row = await wall.header.evaluate((header) =>
      [...header.querySelectorAll('.wall-header__row > *')].map((part) => {
        const box = part.getBoundingClientRect();
        return { part: part.className, top: box.top, bottom: box.bottom, right: box.right };
      }),
    );
    const counts = row[0];
    for (const part of row) {
      // On the counts' row: it starts above the counts' bottom edge.
      expect(part.top, part.part).toBeLessThan(counts?.bottom ?? 0);
      expect(part.right, part.part).toBeLessThanOrEqual(screen.width);
    }
  });
}
