import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// The dialogs that confirm an action name the incidents by their titles, which are monitoring's
// text: a right-to-left override in one reverses what follows it ("… will show as resolved"
// becomes something else), and in the merge list it can make one incident pass for another.
// They show hidden characters as <U+202E>, as the board does.

const SPOOF = 'Disk \u202Elluf\u202C on db\u200B';
const SHOWN = 'Disk <U+202E>lluf<U+202C> on db<U+200B>';

test('the resolve and merge dialogs show a title’s hidden characters', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFull', service: 'db', severity: 'critical', summary: SPOOF }),
  );
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'ApiErrors', service: 'api', severity: 'major', summary: 'API errors' }),
  );
  await expect(board.openRows()).toHaveCount(2);

  await board.openRows(/API errors/).click();
  await incident.press('m');
  const merge = page.getByRole('dialog');
  await expect(merge).toContainText(SHOWN);
  expect((await merge.textContent()) ?? '').not.toContain('\u202E');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await board.openRows(/Disk/).click();
  await incident.press('r');
  const resolve = page.getByRole('dialog');
  await expect(resolve).toContainText(`${SHOWN} will show as resolved`);
  expect((await resolve.textContent()) ?? '').not.toContain('\u202E');
});
