import { freePort, type RunningHub, startHub, tempDataDir } from '../support/hub';
import { expect, test } from './fixtures';
import { type ConsoleUser, writeConfigDir } from './helpers/config-dir';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { WallPage } from './pages/wall-page';

// A wall is left alone for weeks: when the hub restarts or the network drops, it must say so
// and come back by itself, alarm included, with nobody touching it.

const WALL: ConsoleUser = { id: 'wall', name: 'NOC wall', role: 'viewer', token: 'wall-token' };

test('a wall comes back by itself after the hub was away, and alarms for what came meanwhile', async ({
  page,
}) => {
  const dataDir = tempDataDir('sitroom-e2e-wall-');
  const configDir = writeConfigDir([WALL]);
  const port = await freePort();
  const args = ['--config-dir', configDir];
  let hub: RunningHub = await startHub({ dataDir, port, args });
  try {
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'QueueLag', service: 'queue', severity: 'warning' }),
    );
    const wall = new WallPage(page, hub);
    await wall.open(`wall=1&view=board`, WALL.token);
    await expect(page.getByTestId('connection-status')).toHaveText('Live');

    await hub.kill('SIGKILL');
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
    // The last picture stays on the wall while the hub is away.
    await expect(wall.openRows).toHaveCount(1);

    hub = await startHub({ dataDir, port, args });
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'PaymentsDown', service: 'payments', severity: 'critical' }),
    );
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
    await expect(wall.openRows).toHaveCount(2);
    await expect(wall.attention).toContainText('PaymentsDown');
    await expect(wall.rotation).toHaveAttribute('data-mode', 'interrupted');
  } finally {
    await hub.stop();
  }
});
