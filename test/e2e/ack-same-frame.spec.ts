import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// An operator presses `a` and the incident reads "Acknowledged" in the same frame as the button's
// "sending": the page applies what it just sent, rather than waiting for the console's worker to
// hand back its overlay (the browser paints first after a key, so that came a frame later).
// Checked as an order, not a time: the first DOM change that shows the button busy must already
// show the acknowledgement. A React commit is one task, which no worker message can split.

test('a shows the acknowledgement in the same change as the button’s sending', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const row = board.openRows(/PostgresReplicationLag|Replica/);
  await expect(row).toHaveCount(1);
  const incidentId = await board.incidentIdOf(row);
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await expect(incident.acknowledgement).toHaveText(/Unacknowledged/i);
  // The whole incident (alerts too) has come: the alert list shows.
  await expect(incident.view.locator('.alert-card').first()).toBeVisible();

  await page.evaluate(() => {
    const seen: string[] = [];
    (window as Window & { __firstBusy?: string[] }).__firstBusy = seen;
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-action="Acknowledge"][aria-busy="true"]') === null) return;
      seen.push(document.querySelector('[data-testid="incident-ack"]')?.textContent ?? '');
      observer.disconnect();
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
  });
  await incident.press('a');
  await expect(incident.acknowledgement).toContainText('Acknowledged by Local operator');
  const firstBusy = await page.evaluate(() => (window as Window & { __firstBusy?: string[] }).__firstBusy);
  expect(firstBusy).toHaveLength(1);
  expect(firstBusy?.[0]).toContain('Acknowledged by Local operator');
});
