import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager, sendUnbrokenSev1 } from './helpers/monitoring';

// The dialogs that confirm an action name the incident by its title, which is monitoring's text.
// A title with no spaces in it ran past the dialog's right edge and was cut there, taking "will
// show as resolved on every console" with it: the operator confirming a resolve could not read
// which incident, nor what would happen. The text must wrap inside the dialog.

test('a title with no spaces wraps inside the resolve and merge dialogs', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await board.open();
  await board.waitUntilLive();
  await sendUnbrokenSev1(hub.url);
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'ApiErrors', service: 'api', severity: 'major', summary: 'API errors' }),
  );
  await expect(board.openRows()).toHaveCount(2);

  const spill = (): Promise<number> =>
    page.getByRole('dialog').evaluate((dialog) => {
      const edge = dialog.getBoundingClientRect().right;
      return Math.max(
        dialog.scrollWidth - dialog.clientWidth,
        ...[...dialog.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right - edge),
      );
    });

  await board.openRows(/Checkout/).click();
  await incident.press('r');
  await expect(page.getByRole('dialog')).toContainText('will show as resolved');
  expect(await spill()).toBeLessThanOrEqual(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await board.openRows(/API errors/).click();
  await incident.press('m');
  await expect(page.getByRole('dialog')).toContainText('CheckoutGateway');
  expect(await spill()).toBeLessThanOrEqual(0);
});
