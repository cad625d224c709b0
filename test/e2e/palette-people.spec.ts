import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { readSample, sendAlertmanager } from './helpers/monitoring';
import { CommandPalette } from './pages/command-palette';

// In an incident, the palette finds people to bring in, and shows what the role forbids with
// the reason instead of hiding it.

const OLIVE: ConsoleUser = { id: 'olive', name: 'Olive Nakamura', role: 'operator', token: 'olive-token' };
const DANA: ConsoleUser = { id: 'dana', name: 'Dana Reyes', role: 'commander', token: 'dana-token' };

test.use({ hubSetup: { users: [OLIVE, DANA] } });

test('an operator adds a responder from the palette and sees why resolving is not offered', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await page.goto(`${hub.url}/#token=${OLIVE.token}`);
  await board.waitUntilLive();
  const incidentId = await incident.openFirst(board);

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('resolve');
  const resolve = palette.group('Actions').getByRole('option', { name: /Resolve/ });
  await expect(resolve).toHaveAttribute('aria-disabled', 'true');
  await expect(resolve).toContainText('Resolve needs the commander role; you are signed in as operator.');
  await expect(resolve.locator('kbd')).toHaveText('r');
  // Enter on a refused action does nothing; Esc goes back to the incident's heading.
  await palette.choose();
  await expect(palette.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(incident.heading).toBeFocused();

  await palette.open();
  await palette.search('dana');
  await expect(palette.activeOption).toContainText('Dana Reyes');
  await palette.choose();
  await expect(palette.dialog).toHaveAccessibleName('What to do with Dana Reyes?');
  await expect(palette.options(/Make Dana Reyes commander/)).toHaveAttribute('aria-disabled', 'true');
  await palette.search('add');
  await expect(palette.activeOption).toContainText(`Add Dana Reyes as a responder on ${incidentId}`);
  await palette.choose();
  await expect(incident.responders).toHaveText('Dana Reyes');
  await expect(incident.heading).toBeFocused();
});
