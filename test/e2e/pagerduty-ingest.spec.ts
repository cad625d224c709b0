import { expect, test } from './fixtures';
import { readSample, sendPagerDuty } from './helpers/monitoring';

test('a PagerDuty Events v2 trigger appears on the board with its severity and summary', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();

  await sendPagerDuty(hub.url, readSample('pagerduty-trigger.json'));
  const row = board.openRows('Packet loss 12% on lb-edge-4 uplink');
  await expect(row).toHaveCount(1);
  await expect(board.severityOf(row)).toHaveText('SEV2');
  await expect(board.alertsOf(row)).toHaveText('1/1 firing');
});
