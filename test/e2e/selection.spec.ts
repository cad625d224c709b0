import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

test('the selection stays on the same incident while more urgent ones arrive above it', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();

  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'CertificateExpiresSoon', service: 'edge-proxy', severity: 'info' }),
  );
  const quiet = board.openRows(/CertificateExpiresSoon/);
  await expect(board.severityOf(quiet)).toHaveText('SEV4');
  await board.select(quiet);
  await expect(quiet).toHaveAttribute('aria-selected', 'true');
  const selectedId = await board.incidentIdOf(quiet);

  for (const service of ['payments-api', 'checkout', 'orders']) {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'HighErrorRate', service, severity: 'critical' }),
    );
  }
  await expect(board.openRows()).toHaveCount(4);
  // The sev4 is now the last row, and it is still the one selected.
  await expect(board.openRows().last()).toHaveAttribute('data-incident-id', selectedId);
  await expect(board.selectedRow).toHaveCount(1);
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', selectedId);

  // The keyboard moves from where the operator was, not from where the row used to be.
  await board.page.keyboard.press('k');
  await expect(board.selectedRow).toHaveAttribute(
    'data-incident-id',
    await board.incidentIdOf(board.openRows().nth(2)),
  );
  await expect(board.selectedRow).toBeFocused();
  await board.page.keyboard.press('j');
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', selectedId);
});
