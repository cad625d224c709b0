import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

test('an Alertmanager group appears on the board, then moves to resolved when it clears', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();

  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const row = board.openRows(/PostgresReplicationLag/);
  await expect(row).toHaveCount(1);
  await expect(board.severityOf(row)).toHaveText('SEV1');
  await expect(board.servicesOf(row)).toHaveText('payments-db');
  await expect(board.alertsOf(row)).toHaveText('2/2 firing');
  await expect(row).toContainText('Unacknowledged');
  await expect(board.page.getByTestId('open-count-sev1')).toContainText('1');

  await sendAlertmanager(hub.url, readSample('alertmanager-resolved.json'));
  const resolved = board.resolvedRows(/PostgresReplicationLag/);
  await expect(resolved).toHaveCount(1);
  await expect(resolved).toContainText('Resolved');
  await expect(board.alertsOf(resolved)).toHaveText('0/2 firing');
  await expect(board.openRows()).toHaveCount(0);
  await expect(board.page.getByText('All clear — no open incidents.')).toBeVisible();
});
