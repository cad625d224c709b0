import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';
import { CheatSheet } from './pages/cheat-sheet';

// "?" in an incident lists its keys, the ones the operator came for (export, acknowledge, take
// command) first. The list is long there: it must show whole, not open scrolled to its Close
// button with its title and first keys out of sight.

for (const screen of [
  { name: 'a 1600×900 console', width: 1600, height: 900 },
  { name: 'a 1366×768 laptop', width: 1366, height: 768 },
]) {
  test(`the incident's key sheet shows every key at once on ${screen.name}`, async ({
    board,
    incident,
    hub,
    page,
  }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await board.open();
    await board.waitUntilLive();
    await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
    await incident.openFirst(board);

    const sheet = new CheatSheet(page);
    await sheet.open();
    await expect(sheet.keysOf('Acknowledge')).toHaveText('a');
    await expect(sheet.dialog.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport({
      ratio: 1,
    });
    const entries = sheet.dialog.locator('.cheat-sheet__entry');
    expect(await entries.count()).toBeGreaterThan(15);
    for (const entry of await entries.all()) await expect(entry).toBeInViewport({ ratio: 1 });
    await expect(sheet.dialog.getByRole('button', { name: /Close/ })).toBeInViewport({ ratio: 1 });
  });
}
