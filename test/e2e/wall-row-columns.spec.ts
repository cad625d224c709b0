import { command, sendCommand } from '../support/commands';
import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// On a wall's row the title was cut at "Disk on orders database replica …" while the Status
// column beside it, sized for the console's "Investigating UNACKNOWLEDGED" and "Pending", stood
// half empty on every acknowledged row. The title now gets that room; every status still shows
// whole, and a title that does not fit is still cut inside its own column.

const TITLE = 'Disk on orders database replica is filling up quickly and will be full within hours';

// How much of the row the title's column takes: it was 36 % at 1366 px (the laptop's columns
// already apply there) and 33 % at 1920 px; now 40 % and 45 %.
for (const screen of [
  { width: 1366, height: 768, titleShare: 0.39 },
  { width: 1920, height: 1080, titleShare: 0.43 },
]) {
  test(`a ${screen.width}x${screen.height} wall row gives the title the room`, async ({ hub, page }) => {
    for (let n = 1; n <= 4; n++) {
      await sendAlertmanager(
        hub.url,
        alertmanagerGroup({
          alertname: `DiskFull${n}`,
          service: `orders-db-${n}`,
          severity: 'warning',
          summary: TITLE,
        }),
      );
    }
    // Two acknowledged, two not: the status column holds both kinds.
    for (const id of ['INC-1', 'INC-2']) {
      const { status } = await sendCommand(hub.url, command('acknowledge', id));
      expect(status).toBe(200);
    }
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const wall = new WallPage(page, hub);
    await wall.open('wall=1&view=board');
    await expect(wall.openRows).toHaveCount(4);
    await expect(wall.openRows.locator('.unack-marker')).toHaveCount(2);

    const rows = await wall.openRows.evaluateAll((elements) =>
      elements.map((row) => {
        const box = (selector: string) =>
          row.querySelector(selector)?.getBoundingClientRect() ?? new DOMRect();
        const status = row.querySelector('.incident-row__status') as HTMLElement;
        const title = row.querySelector('.incident-row__title > bdi') as HTMLElement;
        return {
          row: row.getBoundingClientRect().width,
          name: box('.incident-row__name').width,
          titleRight: box('.incident-row__title').right,
          servicesLeft: box('.incident-row__services').left,
          titleCut: title.scrollWidth > title.clientWidth,
          statusWhole: status.scrollWidth <= status.clientWidth,
        };
      }),
    );
    for (const row of rows) {
      expect(row.name / row.row).toBeGreaterThan(screen.titleShare);
      expect(row.statusWhole).toBe(true);
      expect(row.titleCut).toBe(true);
      expect(row.titleRight).toBeLessThanOrEqual(row.servicesLeft);
    }
  });
}
