import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { EscalationsPage } from './pages/escalations-page';
import { WallPage } from './pages/wall-page';

// The wall's header names the view on screen, so nobody wonders why the screen changed. Someone
// at the wall who pressed `g e` to see who was paged got the escalations on screen under a header
// that still said "Board": the room was told it was looking at something it was not.

test('the wall header names the view someone at the wall went to', async ({ hub, page }) => {
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board&rotate=statistics&dwell=3600');
  await expect(wall.rotation).toContainText('Board');

  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(new EscalationsPage(page).view).toBeVisible();
  await expect(wall.rotation).toContainText('Escalations');
  await expect(wall.rotation).toContainText('Paused while in use');
});

test('a held wall someone has left for the escalations says the board comes back', async ({ hub, page }) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFull', service: 'orders-db', severity: 'critical' }),
  );
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(wall.rotation).toContainText('Held until acknowledged');

  await page.keyboard.press('g');
  await page.keyboard.press('e');
  await expect(new EscalationsPage(page).view).toBeVisible();
  await expect(wall.rotation).toContainText('Escalations');
  await expect(wall.rotation).toContainText('Board when left alone');
});
