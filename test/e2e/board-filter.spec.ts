import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';
import { CommandPalette } from './pages/command-palette';
import { FilterBar } from './pages/filter-bar';
import { WallPage } from './pages/wall-page';

// The board filter (docs/filters.md) against a real hub in real Chromium: the bar ("/", typing,
// completion, the error pointing at the character, Enter and Esc), a saved filter reached from
// the palette, and a wall whose address carries a filter and whose header counts only that.

async function fire(hubUrl: string, alertname: string, service: string, severity: string, team: string) {
  await sendAlertmanager(
    hubUrl,
    alertmanagerGroup({
      alertname,
      service,
      severity,
      summary: `${alertname} on ${service}`,
      labels: { team, region: team === 'payments' ? 'eu-west' : 'us-east' },
    }),
  );
}

async function estate(hubUrl: string): Promise<void> {
  await fire(hubUrl, 'CheckoutErrors', 'checkout-api', 'critical', 'payments');
  await fire(hubUrl, 'CheckoutSlow', 'checkout-web', 'warning', 'payments');
  await fire(hubUrl, 'LoginErrors', 'auth-api', 'critical', 'identity');
  await fire(hubUrl, 'DiskFilling', 'storage', 'warning', 'platform');
}

test('the filter bar narrows the board as the operator types, completes, points at errors, and keeps the selection', async ({
  hub,
  board,
  page,
}) => {
  await estate(hub.url);
  await board.open();
  await board.waitUntilLive();
  await expect(board.openRows()).toHaveCount(4);
  const filter = new FilterBar(page);

  // The key is in the help.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('Filter the board');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Select a row first: the filter bar must hand it back unchanged.
  await board.select(board.openRows('LoginErrors'));
  const selectedId = await board.incidentIdOf(board.openRows('LoginErrors'));

  await page.keyboard.press('/');
  await expect(filter.input).toBeFocused();
  await filter.type('se');
  await expect(filter.completions).toHaveText(['sev:', 'service:']);
  await page.keyboard.press('Tab');
  await expect(filter.input).toHaveValue('sev:');
  await expect(filter.completions).toHaveText(['critical', 'major', 'minor', 'info']);
  await page.keyboard.press('Tab');
  await expect(filter.input).toHaveValue('sev:critical');
  await expect(board.openRows()).toHaveCount(2);
  await expect(filter.scope).toContainText('2 of 4 open shown');

  // An error points at the character. The board keeps the whole terms before it, and says so:
  // the half-typed word ("colour", as free text) hides nothing.
  await filter.type(' colour:red');
  await expect(filter.error).toContainText('Unknown key "colour"');
  await expect(filter.error).toHaveAttribute('data-offset', '13');
  await expect(filter.error.locator('mark')).toHaveText('c');
  await expect(filter.error).toContainText('Until it reads, the board is filtered by sev:critical.');
  await expect(board.openRows()).toHaveCount(2);
  await expect(filter.scope).toContainText('2 of 4 open shown');
  // A broken first term: the board shows everything until it reads.
  await filter.input.fill('');
  await filter.type('sev:x');
  await expect(filter.error).toContainText('Until it reads, the board shows every incident.');
  await expect(board.openRows()).toHaveCount(4);
  // Nothing is applied, but the bar holds text: Clear is still offered.
  await expect(page.getByTestId('filter-bar').getByRole('button', { name: 'Clear' })).toBeVisible();

  // Esc: back to the board as it was before typing, the same row selected and focused.
  await page.keyboard.press('Escape');
  await expect(board.openRows()).toHaveCount(4);
  await expect(filter.scope).toHaveCount(0);
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', selectedId);
  await expect(board.selectedRow).toBeFocused();

  // Enter keeps the filter, in the address too, and goes back to the board.
  await page.keyboard.press('/');
  await filter.type('team:payments -svc:*-web');
  await expect(board.openRows()).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(filter.input).not.toBeFocused();
  expect(new URL(page.url()).searchParams.get('filter')).toBe('team:payments -svc:*-web');
  await expect(filter.scope).toContainText('1 of 4 open shown');
  await expect(board.openRows()).toHaveText([/CheckoutErrors/]);

  // Live data goes through the same filter; the selection does not jump.
  await board.select(board.openRows('CheckoutErrors'));
  await fire(hub.url, 'CardDeclines', 'payments-api', 'critical', 'payments');
  await fire(hub.url, 'QueueBacklog', 'queue', 'critical', 'platform');
  await expect(board.openRows()).toHaveCount(2);
  await expect(filter.scope).toContainText('2 of 6 open shown');
  await expect(board.selectedRow).toContainText('CheckoutErrors');

  // The filter survives a reload: it is in the address.
  await page.reload();
  await expect(board.root).toHaveAttribute('data-ready', 'true');
  await expect(filter.input).toHaveValue('team:payments -svc:*-web');
  await expect(board.openRows()).toHaveCount(2);

  // The palette searches within the filtered board.
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('LoginErrors');
  await expect(palette.group('Incidents')).toHaveCount(0);
});

test('a saved filter is kept across reloads and put back from the palette', async ({ hub, board, page }) => {
  await estate(hub.url);
  await board.open();
  await board.waitUntilLive();
  const filter = new FilterBar(page);

  await page.keyboard.press('/');
  await filter.type('label:region=eu-west sev:critical');
  await page.keyboard.press('Enter');
  await expect(board.openRows()).toHaveText([/CheckoutErrors/]);
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('save the board filter');
  await page.keyboard.press('Enter');
  await expect(filter.saveName).toBeFocused();
  await filter.type('EU payments on fire');
  await page.keyboard.press('Enter');
  await expect(filter.saveButton).toBeVisible();

  // The same name for another filter is replaced only when asked twice.
  await filter.input.fill('sev:critical');
  await page.keyboard.press('Enter');
  await palette.open();
  await palette.search('save the board filter');
  await page.keyboard.press('Enter');
  await filter.type('EU payments on fire');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    '"EU payments on fire" is saved as label:region=eu-west sev:critical. Enter again replaces it.',
  );
  await page.keyboard.press('Escape');
  await filter.input.fill('label:region=eu-west sev:critical');
  await page.keyboard.press('Enter');

  // Elsewhere, cleared, reloaded: the saved filter is one palette search away.
  await page.goto(hub.pageUrl('/'));
  await expect(board.root).toHaveAttribute('data-ready', 'true');
  await expect(board.openRows()).toHaveCount(4);
  await palette.open();
  await palette.search('EU payments');
  await expect(palette.group('Saved filters')).toContainText('label:region=eu-west sev:critical');
  await page.keyboard.press('Enter');
  await expect(board.openRows()).toHaveText([/CheckoutErrors/]);
  await expect(filter.input).toHaveValue('label:region=eu-west sev:critical');
  await expect(filter.scope).toContainText('1 of 4 open shown');
});

test("a wall with &filter= shows one team's world and counts only what it shows", async ({ hub, page }) => {
  await estate(hub.url);
  const wall = new WallPage(page, hub);
  await wall.open(`wall=1&view=board&filter=${encodeURIComponent('team:payments')}`);
  await expect(wall.openRows).toHaveCount(2);
  await expect(wall.openCount('sev1')).toContainText('1');
  await expect(wall.openCount('sev3')).toContainText('1');
  const scope = new FilterBar(page).scope;
  await expect(scope).toContainText('2 of 4 open shown');
  await expect(scope).toContainText('team:payments');
  await expect(page.getByRole('combobox', { name: 'Filter' })).toHaveCount(0);
  // Read from across the room: the slice the wall shows is no smaller than its incidents' titles.
  const fontSize = (locator: import('@playwright/test').Locator) =>
    locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  const titleSize = await fontSize(wall.openRows.first().locator('.incident-row__title'));
  expect(await fontSize(scope.locator('.filter-scope__query'))).toBeGreaterThanOrEqual(titleSize);

  await fire(hub.url, 'LedgerLag', 'ledger', 'critical', 'payments');
  await fire(hub.url, 'CacheMiss', 'cache', 'critical', 'platform');
  await expect(wall.openRows).toHaveCount(3);
  await expect(wall.openCount('sev1')).toContainText('2');
  await expect(scope).toContainText('3 of 6 open shown');
});

test('a wall whose filter matches nothing says how many open incidents it hides, never "all clear"', async ({
  hub,
  page,
}) => {
  await estate(hub.url);
  const wall = new WallPage(page, hub);
  // A team's name mistyped in the wall's address: the room must not read it as a quiet night.
  await wall.open(`wall=1&view=board&filter=${encodeURIComponent('team:paymnets')}`);
  const none = page.getByTestId('board-none-shown');
  await expect(none).toHaveText('No open incident matches the filter; 4 open incidents are hidden by it.');
  await expect(none).not.toHaveClass(/all-clear/);
  await expect(new FilterBar(page).scope).toContainText('0 of 4 open shown');
});

test.describe('with a catalog of teams', () => {
  test.use({
    hubSetup: {
      configFiles: {
        'services.yaml': [
          'teams:',
          '  - { id: payments, name: Payments }',
          '  - { id: identity, name: Identity }',
          'services:',
          '  - { id: checkout-api, name: Checkout API, team: payments, tier: 1 }',
          '  - { id: auth-api, name: Auth API, team: identity, tier: 1 }',
          '',
        ].join('\n'),
      },
    },
  });

  test('an empty wall names the team its address asks for that the catalog does not know', async ({
    hub,
    page,
  }) => {
    await estate(hub.url);
    const wall = new WallPage(page, hub);
    await wall.open(`wall=1&view=board&filter=${encodeURIComponent('team:paymnets sev:critical')}`);
    await expect(page.getByTestId('board-none-shown')).toContainText('4 open incidents are hidden by it.');
    await expect(page.getByTestId('board-unknown-teams')).toHaveText(
      ' No team in the catalog is called "paymnets".',
    );
  });
});

test('team: and label: complete the teams, names and values the console holds, and a saved filter is renamed and deleted from the keyboard', async ({
  hub,
  board,
  page,
}) => {
  await estate(hub.url);
  await board.open();
  await board.waitUntilLive();
  const filter = new FilterBar(page);

  // team: offers the teams on the incidents the console holds (there is no catalog here), those
  // on most open incidents first; one is picked with the arrows and Enter.
  await page.keyboard.press('/');
  await filter.type('team:');
  await expect(filter.completions).toHaveText(['payments', 'identity', 'platform']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(filter.input).toHaveValue('team:identity');
  await expect(board.openRows()).toHaveText([/LoginErrors/]);
  await filter.input.fill('');

  // The rows carry no alerts: the names and values come from the host, which has them.
  await filter.type('label:reg');
  await expect(filter.completions).toHaveText(['region=']);
  await page.keyboard.press('Tab');
  await expect(filter.input).toHaveValue('label:region=');
  await expect(filter.completions).toHaveText(['eu-west', 'us-east']);
  await filter.type('eu');
  await expect(filter.completions).toHaveText(['eu-west']);
  await page.keyboard.press('Tab');
  await expect(filter.input).toHaveValue('label:region=eu-west');
  await expect(board.openRows()).toHaveCount(2);
  await page.keyboard.press('Enter');

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('save the board filter');
  await page.keyboard.press('Enter');
  await filter.type('EU only');
  await page.keyboard.press('Enter');
  await expect(filter.saveButton).toBeVisible();

  // Rename it from the keyboard: which one, then the new name over the old (selected), Enter.
  await palette.open();
  await palette.search('rename a saved filter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Rename a saved filter' })).toContainText('EU only');
  await page.keyboard.press('1');
  const rename = page.getByRole('dialog', { name: 'Rename the saved filter' });
  await expect(page.getByTestId('filter-rename-name')).toBeFocused();
  await page.keyboard.type('EU west');
  await page.keyboard.press('Enter');
  await expect(rename).toHaveCount(0);
  await palette.open();
  await palette.search('EU west');
  await expect(palette.group('Saved filters')).toContainText('EU west');
  await expect(palette.group('Saved filters')).not.toContainText('EU only');
  await page.keyboard.press('Escape');

  // Delete it: the palette action asks which, then to confirm, naming it.
  await palette.open();
  await palette.search('delete a saved filter');
  await page.keyboard.press('Enter');
  const choose = page.getByRole('dialog', { name: 'Delete a saved filter' });
  await expect(choose).toContainText('EU west');
  await page.keyboard.press('1');
  const confirm = page.getByRole('dialog', { name: 'Delete the saved filter?' });
  await expect(confirm).toContainText('"EU west" (label:region=eu-west)');
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  // The board keeps its filter; the saved one is gone, after a reload too.
  await expect(board.openRows()).toHaveCount(2);
  await page.reload();
  await expect(board.root).toHaveAttribute('data-ready', 'true');
  await palette.open();
  await palette.search('EU west');
  await expect(palette.group('Saved filters')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await palette.open();
  await palette.search('delete a saved filter');
  await expect(palette.options('Delete a saved filter')).toHaveCount(0);
});
