import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { readSample, sendAlertmanager } from './helpers/monitoring';
import { SignInDialog } from './pages/sign-in-dialog';

// With users.yaml the console asks who you are, and offers only what your role may do: a wall
// display (viewer) watches, an operator acknowledges but does not resolve.

const WALL: ConsoleUser = { id: 'wall', name: 'NOC wall display', role: 'viewer', token: 'wall-token' };
const OLIVE: ConsoleUser = { id: 'olive', name: 'Olive Nakamura', role: 'operator', token: 'olive-token' };

test.use({ hubSetup: { users: [WALL, OLIVE] } });

test('a viewer signs in to watch: the board, but no action to take', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await page.goto(`${hub.url}/`);
  const signIn = new SignInDialog(page);
  await expect(signIn.dialog).toBeVisible();
  await expect(signIn.token).toHaveAttribute('type', 'password');

  // It cannot be dismissed: the hub shows nothing without a token.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(signIn.dialog).toBeVisible();

  await signIn.submit('not-a-token');
  await expect(signIn.error).toHaveText('The hub did not accept that token.');
  await signIn.signIn(WALL.token);
  await board.waitUntilLive();
  await expect(board.session).toContainText('NOC wall display');
  await expect(board.session).toContainText('viewer');

  await board.openRows().first().click();
  await expect(incident.view).toBeVisible();
  await expect(incident.enabledActions).toHaveCount(0);
  // A key press explains instead of failing silently.
  await incident.press('a');
  await expect(incident.alert).toContainText('needs the operator role');
  await expect(incident.acknowledgement).toHaveText(/Unacknowledged/i);
});

test('an operator may acknowledge but is not offered resolve', async ({ board, incident, hub, page }) => {
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await page.goto(`${hub.url}/`);
  await new SignInDialog(page).signIn(OLIVE.token);
  await board.waitUntilLive();
  await expect(board.session).toContainText('Olive Nakamura');

  await board.openRows().first().click();
  await incident.press('a');
  await expect(incident.acknowledgement).toContainText('Acknowledged by Olive Nakamura');
  await expect(incident.action('Resolve')).toBeDisabled();
  await expect(incident.action('Resolve')).toHaveAttribute('title', /needs the commander role/);
  await incident.press('r');
  await expect(incident.dialog).toHaveCount(0);
  await expect(incident.alert).toContainText('Resolve needs the commander role');
  // Silencing follows integrations.yaml's silence_role, commanders by default: the key says so.
  await incident.press('q');
  await expect(incident.dialog).toHaveCount(0);
  await expect(incident.alert).toContainText(
    'Silence alerts needs the commander role; you are signed in as operator.',
  );
});

test('signing out brings the sign-in dialog back; a kiosk #token= signs in once', async ({
  board,
  hub,
  page,
}) => {
  // In the fragment, which the browser never sends to the hub or writes into a proxy's log.
  await page.goto(`${hub.url}/?source=kiosk#token=${OLIVE.token}`);
  await board.waitUntilLive();
  await expect(board.session).toContainText('Olive Nakamura');
  // The token left the address bar (and so the history); other parameters stayed.
  expect(new URL(page.url()).search).toBe('?source=kiosk');
  expect(new URL(page.url()).hash).toBe('');

  await board.session.getByRole('button', { name: 'Sign out' }).click();
  await expect(new SignInDialog(page).dialog).toBeVisible();
});
