import { expect, test } from './fixtures';
import type { ConsoleUser } from './helpers/config-dir';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// A picker longer than the screen (the responders of a NOC with a dozen people) on a 1366×768
// laptop. Only the first nine choices have a digit; the arrow keys scrolled the dialog but left
// focus on the first choice, now out of sight, so an operator who arrowed down to a name and
// pressed Enter added somebody else. The arrows now move between the choices.

const PEOPLE: ReadonlyArray<ConsoleUser> = [
  { id: 'cora', name: 'Cora Commander', role: 'commander', token: 'cora-token' },
  ...['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena'].map(
    (name): ConsoleUser => ({
      id: name.toLowerCase(),
      name: `${name} Operator`,
      role: 'operator',
      token: `${name}-token`,
    }),
  ),
];

test.use({ hubSetup: { users: PEOPLE }, viewport: { width: 1366, height: 768 } });

test('arrow keys move between the choices of a long picker, and Enter takes the one in view', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await page.goto(`${hub.url}/#token=cora-token`);
  await board.waitUntilLive();
  await incident.openFirst(board);

  await incident.press('p');
  const choices = incident.dialog.locator('button.choice');
  await expect(choices).toHaveCount(PEOPLE.length);
  await expect(choices.first()).toBeFocused();
  for (let step = 0; step < 11; step++) await incident.press('ArrowDown');
  const twelfth = choices.nth(11);
  await expect(twelfth).toBeFocused();
  await expect(twelfth).toBeInViewport();
  await incident.press('End');
  await expect(choices.last()).toBeFocused();
  await incident.press('ArrowUp');
  await expect(choices.nth(PEOPLE.length - 2)).toBeFocused();
  const name = (
    await choices
      .nth(PEOPLE.length - 2)
      .locator('.choice__label')
      .textContent()
  )?.replace(/^Add /, '');
  await incident.press('Enter');
  await expect(incident.responders).toHaveText(name ?? 'missing');
  // The console opens no second responders picker while the hub has not answered the first add
  // (shown before the answer): on a loaded machine that answer can outlast the next key.
  await expect(page.locator('[data-action="Responders"]')).not.toHaveAttribute('aria-busy', 'true');
  await incident.press('p', 'Home');
  await expect(choices.first()).toBeFocused();
});
