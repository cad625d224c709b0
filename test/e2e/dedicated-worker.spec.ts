import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// A browser without SharedWorker (some mobile browsers) runs the console's replica in a
// dedicated worker per tab: the same board, actions and optimistic overlay.

test('without SharedWorker the console runs its replica in a dedicated worker', async ({
  page,
  board,
  incident,
  hub,
}) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(globalThis, 'SharedWorker');
  });
  await board.open();
  await board.waitUntilLive();
  expect(await page.evaluate(() => 'SharedWorker' in globalThis)).toBe(false);
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFull', service: 'db', severity: 'critical' }),
  );
  await expect(board.openRows(/DiskFull/)).toHaveCount(1);
  await incident.press('j', 'Enter', 'a');
  await expect(incident.acknowledgement).toContainText('Acknowledged');
  await incident.press('Escape');
  await expect(board.openRows(/DiskFull/).locator('.unack-marker')).toHaveCount(0);
});
