import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// An export asked for while the hub cannot be reached (the laptop's Wi-Fi dropped a moment ago,
// before the console noticed) said "Could not export the timeline: Failed to fetch": the
// browser's words, which tell an operator neither what went wrong nor what to do.

test('an export the hub never answered says so in plain words', async ({ board, incident, hub, page }) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await incident.openFirst(board);

  await page.context().route('**/timeline.*', (route) => route.abort('internetdisconnected'));
  await incident.press('x', 'Enter');
  await expect(incident.exportStatus).toHaveText(
    'Could not export the timeline: the hub cannot be reached. Try again once the console is live.',
  );
  await expect(incident.exportStatus).not.toContainText('fetch');
});
