import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { CommandPalette } from './pages/command-palette';
import { FilterBar } from './pages/filter-bar';

// A focus request answered at once lands on its row whatever the focus did on the way: the
// palette's "go to row" (a service result) asks for the row while the palette closes and gives
// the focus back to where it was, here the filter field (renderer/state/selection-store.ts).

test('a service chosen in the palette opened from the filter field focuses its row', async ({
  hub,
  board,
  page,
}) => {
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'CheckoutErrors', service: 'checkout-api', severity: 'critical' }),
  );
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFilling', service: 'storage', severity: 'warning' }),
  );
  await board.open();
  await board.waitUntilLive();
  await expect(board.openRows()).toHaveCount(2);
  const targetId = await board.incidentIdOf(board.openRows('DiskFilling'));

  const filter = new FilterBar(page);
  await page.keyboard.press('/');
  await expect(filter.input).toBeFocused();

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('storage');
  await expect(palette.labelOf(palette.activeOption)).toHaveText('storage');
  await palette.choose();
  await expect(palette.dialog).toHaveCount(0);

  await expect(board.selectedRow).toHaveAttribute('data-incident-id', targetId);
  await expect(board.selectedRow).toBeFocused();
});
