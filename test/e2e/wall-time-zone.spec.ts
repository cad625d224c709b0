import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A wall is read by a room that spans zones (and by the people on the bridge call watching it):
// every clock time on it says which zone it is in. The clocks did; "last update 15:00:09" beside
// them did not, so a colleague in London read an hour-old picture as current or the other way.

test.use({ timezoneId: 'America/New_York' });

test('the wall names the zone of its last update', async ({ hub, page }) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'QueueLag', service: 'queue', severity: 'warning' }),
  );
  await page.clock.setFixedTime(new Date('2026-12-07T20:00:00Z'));
  const wall = new WallPage(page, hub);
  await wall.open('wall=1&view=board');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  // December in New York: Eastern Standard Time, five hours behind the UTC clock above it.
  await expect(page.getByTestId('last-update')).toHaveText(/^last update \d\d:\d\d:\d\d EST$/);
  await expect(page.getByTestId('wall-clock-local')).toHaveText('15:00:00');
});
