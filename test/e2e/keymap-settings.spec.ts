import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';
import { CheatSheet } from './pages/cheat-sheet';
import { KeymapSettings } from './pages/keymap-settings';

// The operator's own keys: changed in the settings (","), kept across a reload, shown wherever
// keys are shown, and never two commands on one key where both work.

test('acknowledge rebound to "k" survives a reload, acknowledges, and the cheat sheet says so', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const incidentId = await board.incidentIdOf(board.openRows().first());

  const settings = new KeymapSettings(page);
  await settings.open();
  await expect(settings.keysOf('Acknowledge')).toHaveText('a');
  await expect(settings.keysOf('Assign commander')).toHaveText('h');
  // "k" is "Previous incident" on the board, but the board and an incident never take keys together.
  await settings.rebind('Acknowledge', 'k');
  await expect(settings.keysOf('Acknowledge')).toHaveText('k');
  await expect(settings.status).toBeEmpty();
  await settings.save();

  await page.reload();
  await expect(board.root).toHaveAttribute('data-ready', 'true');
  await board.waitUntilLive();
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await expect(incident.action('Acknowledge')).toHaveAttribute('aria-keyshortcuts', 'k');

  await incident.press('a');
  await expect(incident.acknowledgement).toHaveText(/Unacknowledged/i);
  await incident.press('k');
  await expect(incident.acknowledgement).toContainText('Acknowledged by Local operator');

  const sheet = new CheatSheet(page);
  await sheet.open();
  await expect(sheet.keysOf('Acknowledge')).toHaveText('k');
  await expect(sheet.keysOf('Go to the board')).toHaveText('g b');
});

test('a key already used in the same context is shown as a conflict and blocks saving', async ({
  board,
  page,
}) => {
  await board.open();
  const settings = new KeymapSettings(page);
  await settings.open();

  await settings.rebind('Acknowledge', 'c');
  await expect(settings.conflictOf('Acknowledge')).toHaveText('Same key as Take command (c)');
  await expect(settings.conflictOf('Take command')).toHaveText('Same key as Acknowledge (c)');
  await expect(settings.status).toContainText('Change one of each pair before saving');
  await expect(settings.saveButton).toBeDisabled();

  // A single key that starts a sequence clashes with it too: "g b" could never be typed.
  await settings.rebind('Take command', 'g');
  await expect(settings.conflictOf('Take command')).toContainText('Go to the board (g b)');

  await settings.rebind('Take command', 'y');
  await expect(settings.conflictOf('Acknowledge')).toHaveCount(0);
  await expect(settings.saveButton).toBeEnabled();

  await settings.dialog.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(settings.keysOf('Acknowledge')).toHaveText('a');
  await expect(settings.keysOf('Take command')).toHaveText('c');
});

test('a two-key sequence can be bound, and a saved keymap that does not parse is ignored', async ({
  board,
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.addInitScript(() => localStorage.setItem('sitroom.keymap', '{"version":1,"keys":{"x":[1]}}'));
  await board.open();
  expect(warnings.some((text) => text.includes('ignoring the saved keymap'))).toBe(true);

  const settings = new KeymapSettings(page);
  await settings.open();
  await expect(settings.keysOf('Keyboard settings')).toHaveText(',');
  await settings.rebind('Show the keys that work here', 'g', 'h');
  await expect(settings.keysOf('Show the keys that work here')).toHaveText('g h');
  await settings.save();
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
