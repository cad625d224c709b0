import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// An action's key pressed again while its command is still on its way did nothing at all: no
// picker, no word. The operator took it for a dead key (or a dead console), pressed it again, or
// walked off believing the responder was added. The console now says what is still on its way.
// The hub is taken away so the add stays queued for as long as the test needs: a hub that answers
// would settle it before the second key on a fast machine.

const PEOPLE: ReadonlyArray<ConsoleUser> = [
  { id: 'cora', name: 'Cora Commander', role: 'commander', token: 'cora-token' },
  { id: 'ana', name: 'Ana Operator', role: 'operator', token: 'ana-token' },
];

test.use({ hubSetup: { users: PEOPLE } });

test('a key for an action still on its way says so, instead of doing nothing', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await page.goto(`${hub.url}/#token=cora-token`);
  await board.waitUntilLive();
  const id = await incident.openFirst(board);
  await incident.press('p');
  await expect(incident.dialog.getByRole('button', { name: /Ana Operator/ })).toBeVisible();
  await incident.press('Escape');

  await hub.kill('SIGKILL');
  await expect(board.connectionStatus).toContainText(/Offline since/);
  await incident.press('p');
  await incident.dialog.getByRole('button', { name: /Ana Operator/ }).click();
  const responders = page.locator('[data-action="Responders"]');
  await expect(responders).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');

  const said = `“Add Ana Operator to ${id}” is still queued: it goes out when the hub is back.`;
  // A click on the busy button says so. It is aria-disabled, which Playwright takes for "wait until
  // enabled"; a person's click lands on it all the same.
  await responders.click({ force: true });
  await expect(incident.alert).toHaveText(said);
  await expect(incident.dialog).toHaveCount(0);

  // Another action goes out (queued too) and clears the notice; then the key says the same.
  await incident.press('a');
  await expect(page.getByTestId('outbox')).toContainText('2 actions queued');
  await expect(incident.alert).toBeHidden();
  await incident.press('p');
  await expect(incident.alert).toHaveText(said);
  // Not a second picker, and not a second add.
  await expect(incident.dialog).toHaveCount(0);
  await expect(page.getByTestId('outbox')).toContainText('2 actions queued');
});
