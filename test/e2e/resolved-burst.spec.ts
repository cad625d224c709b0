import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// In a storm, "Resolved in the last hour" takes new rows at most once a second
// (renderer/state/resolved-hold.ts). A burst of resolutions must still all arrive: the first at
// once, the rest when the list next moves; none may be left behind or shown in both lists.
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
