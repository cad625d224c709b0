import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// In a storm, "Resolved in the last hour" takes new rows at most once a second
// (renderer/state/resolved-hold.ts). A burst of resolutions must still all arrive: the first at
// once, the rest when the list next moves; none may be left behind or shown in both lists. And
// only arrivals wait: a row the list shows never leaves it for the hold.

/** What the page saw of one row in the resolved list, watched every frame. */
interface RowWatch {
  firstSeenAt: number | null;
  confirmedAt: number | null;
  vanished: boolean;
}
type Watched = Window & { __rowWatch?: RowWatch };
test('a burst of resolutions all reach the resolved list, and none stays open', async ({ board, hub }) => {
  await board.open();
  await board.waitUntilLive();
  const groups = Array.from({ length: 12 }, (_, i) => ({
    alertname: `BurstCheck${i}`,
    service: `burst-${i}`,
    severity: 'warning',
  }));
  for (const group of groups) await sendAlertmanager(hub.url, alertmanagerGroup(group));
  await expect(board.openRows(/BurstCheck/)).toHaveCount(12);

  // Sent together: one resolution opens the hold, the other eleven land inside it.
  await Promise.all(
    groups.map((group) => sendAlertmanager(hub.url, alertmanagerGroup({ ...group, status: 'resolved' }))),
  );
  await expect(board.openRows()).toHaveCount(0);
  await expect(board.page.getByRole('heading', { name: 'Resolved in the last hour (12)' })).toBeVisible();
  // Newest first: the last of the burst on top (the list is virtualised, so not all are in the DOM).
  await expect(board.resolvedRows().first()).toContainText(/BurstCheck\d+ on burst-/);
});

test("this console's own resolve stays in the resolved list while the hub confirms it, and Esc lands on it", async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'ConfirmCheck', service: 'confirm-check', severity: 'critical' }),
  );
  const row = board.openRows(/ConfirmCheck/);
  await expect(row).toHaveCount(1);
  const incidentId = await board.incidentIdOf(row);
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);

  // The board stays mounted under the incident: watch its resolved list every frame. The resolve
  // shows at once with this console's time, as pending; the hub confirms it with its own, later,
  // time. Held back as a new arrival, the row left the list for up to a second.
  await page.evaluate((id) => {
    const watch: RowWatch = { firstSeenAt: null, confirmedAt: null, vanished: false };
    (window as Watched).__rowWatch = watch;
    const look = () => {
      const shown = document.querySelector(
        `[data-testid="resolved-incidents"] [data-incident-id="${CSS.escape(id)}"]`,
      );
      if (shown !== null) {
        watch.firstSeenAt ??= performance.now();
        if (shown.querySelector('.pending-marker') === null) watch.confirmedAt ??= performance.now();
      } else if (watch.firstSeenAt !== null) watch.vanished = true;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, incidentId);

  await incident.press('r');
  await expect(incident.dialog).toContainText(`Resolve ${incidentId}?`);
  await incident.press('Enter');
  await expect(incident.status).toHaveText('Resolved');
  // Watch on past the hold's second after the hub's confirmation.
  await page.waitForFunction(() => {
    const watch = (window as Watched).__rowWatch;
    return watch?.confirmedAt != null && performance.now() - watch.confirmedAt > 1500;
  });
  const watch = await page.evaluate(() => (window as Watched).__rowWatch);
  expect(watch?.firstSeenAt).not.toBeNull();
  expect(watch?.vanished).toBe(false);

  await incident.press('Escape');
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', incidentId);
  await expect(board.selectedRow).toBeFocused();
});
