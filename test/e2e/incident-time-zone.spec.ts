import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// The commander reads the incident's times out on a bridge whose people sit in several zones, and
// lays them beside an export, which is in UTC unless asked otherwise: "acknowledged at 15:07:39"
// alone is five hours off for a colleague reading the UTC export. Each clock time in the overview
// names its zone, and the timeline says once which zone its rows are in.

test.use({ timezoneId: 'America/New_York' });

test('the incident view names the zone of its times', async ({ board, incident, hub, page }) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await incident.openFirst(board);
  await incident.press('a', 'r', 'Enter');
  await expect(incident.status).toHaveText('Resolved');

  // December in New York: Eastern Standard Time.
  await expect(incident.acknowledgement).toHaveText(/ at \d\d:\d\d:\d\d EST$/);
  const fact = (label: string) => incident.view.locator('.facts__fact', { hasText: label }).locator('dd');
  await expect(fact('Opened')).toHaveText(/^\d\d:\d\d:\d\d EST$/);
  await expect(fact('Resolved')).toHaveText(/^\d\d:\d\d:\d\d EST by Local operator$/);
  await expect(page.locator('#timeline-heading')).toHaveText('Timeline newest first · times in EST');
});
