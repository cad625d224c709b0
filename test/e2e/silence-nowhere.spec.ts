import { expect, test } from './fixtures';
import { readSample, sendPagerDuty } from './helpers/monitoring';

// Silencing happens in the Alertmanager an incident's alerts came from. An incident none of whose
// alerts came from one (PagerDuty events, the demo's) has nowhere to be silenced: "q" once opened
// a dialog whose matchers, "derived from the alerts", were empty, and only the third attempt
// (after a comment) brought the hub's refusal. The console says so at the first press.

test('q on an incident with no Alertmanager alerts says there is nowhere to silence them', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendPagerDuty(hub.url, readSample('pagerduty-trigger.json'));
  const incidentId = await incident.openFirst(board);
  // The incident with its alerts has arrived: the alert card shows.
  await expect(incident.view.getByText('Packet loss 12% on lb-edge-4 uplink').first()).toBeVisible();

  const reason = `None of ${incidentId}'s alerts came from an Alertmanager integration, so there is nowhere to silence them.`;
  await expect(incident.action('Silence alerts')).toHaveAttribute('aria-disabled', 'true');
  await incident.press('q');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(incident.alert).toHaveText(reason);
});
