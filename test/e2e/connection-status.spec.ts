import { expect, test } from './fixtures';

test('the connection indicator says since when the board has been offline when the hub goes away', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();
  await expect(board.page.getByTestId('last-update')).toHaveText(/^last update \d\d:\d\d:\d\d$/);

  await hub.kill('SIGKILL');
  await expect(board.connectionStatus).toHaveText(/^Offline since \d\d:\d\d:\d\d \(for \d+s\)$/);
  await expect(board.connectionStatus).toHaveAttribute('data-status', 'offline');
});
