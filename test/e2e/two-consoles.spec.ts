import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { BoardPage } from './pages/board-page';

test('two consoles on one hub both show a new incident', async ({ board, hub, browser }) => {
  // A separate browser context: a second wall display with its own profile and clientId.
  const wallContext = await browser.newContext();
  const wall = new BoardPage(await wallContext.newPage(), hub);
  await board.open();
  await wall.open();
  await board.waitUntilLive();
  await wall.waitUntilLive();

  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'KafkaConsumerLag', service: 'orders', severity: 'warning' }),
  );
  for (const display of [board, wall]) {
    const row = display.openRows(/KafkaConsumerLag/);
    await expect(row).toHaveCount(1);
    await expect(display.severityOf(row)).toHaveText('SEV3');
  }
  await wallContext.close();
});
