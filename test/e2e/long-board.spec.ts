import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// An alert storm puts hundreds of incidents on the board. The list renders only the rows in
// view, and the keyboard still reaches every one of them.

const STORM_SIZE = 150;

test('a long board renders only the rows in view and the keyboard scrolls to the selection', async ({
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();
  for (let i = 0; i < STORM_SIZE; i++) {
    const service = `svc-${String(i).padStart(3, '0')}`;
    await sendAlertmanager(
      hub.url,
      alertmanagerGroup({ alertname: 'NodeDown', service, severity: 'warning' }),
    );
  }
  await expect(board.page.getByRole('heading', { name: `Open incidents (${STORM_SIZE})` })).toBeVisible();
  const rendered = await board.openRows().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await expect(board.openRows().first()).toHaveAttribute('aria-setsize', String(STORM_SIZE));

  await board.select(board.openRows().first());
  for (let i = 0; i < 40; i++) await board.page.keyboard.press('j');
  await expect(board.selectedRow).toHaveAttribute('aria-posinset', '41');
  await expect(board.selectedRow).toBeFocused();
  await expect(board.selectedRow).toBeInViewport();
  await expect(board.selectedRow).toContainText('svc-040');
});
