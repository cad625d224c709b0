import { expect, test } from './fixtures';
import { alertmanagerGroup, readSample, sendAlertmanager } from './helpers/monitoring';
import type { BoardPage } from './pages/board-page';
import { CommandPalette } from './pages/command-palette';

// The palette finds actions for the incident selected on the board ("ack" → Acknowledge, with
// its key), and the console's keys work with Caps Lock on and on a Cyrillic layout. Browsers
// report those presses with a different `key` and the same `code`; Playwright's keyboard only
// speaks the US layout, so those presses are dispatched as the browser would report them.

/** A keydown as Chromium reports it for `code` on another layout or with Caps Lock on. */
async function pressAs(
  page: import('@playwright/test').Page,
  init: { key: string; code: string; ctrlKey?: boolean; capsLock?: boolean },
): Promise<void> {
  await page.evaluate(({ key, code, ctrlKey, capsLock }) => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new KeyboardEvent('keydown', {
        key,
        code,
        ctrlKey: ctrlKey ?? false,
        modifierCapsLock: capsLock ?? false,
        bubbles: true,
        cancelable: true,
      }),
    );
  }, init);
}

/** The board live with two incidents: the sample's replication lag (sev1) and a sev3 named `other`. */
async function boardWithTwoIncidents(board: BoardPage, hubUrl: string, other: string): Promise<void> {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hubUrl,
    alertmanagerGroup({ alertname: other, service: 'edge', severity: 'warning' }),
  );
  await sendAlertmanager(hubUrl, readSample('alertmanager-firing.json'));
  await expect(board.openRows()).toHaveCount(2);
}

test('"ack" in the palette acknowledges the incident selected on the board', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await boardWithTwoIncidents(board, hub.url, 'Ack storm');
  const row = board.openRows(/Replica|Replication/);
  const incidentId = await board.incidentIdOf(row);
  await board.select(row);

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('ack');
  // The action comes first, over the incident whose title starts with the same letters.
  await expect(palette.labelOf(palette.activeOption)).toHaveText('Acknowledge');
  await expect(palette.activeOption).toContainText(incidentId);
  await expect(palette.activeOption.locator('kbd')).toHaveText('a');
  await palette.choose();
  await incident.expectOpen(incidentId);
  await expect(incident.acknowledgement).toContainText('Acknowledged by Local operator');
});

test('Ctrl+K with Caps Lock on, and j/k and "g e" on a Cyrillic layout', async ({ board, hub, page }) => {
  await boardWithTwoIncidents(board, hub.url, 'NodeDown');
  const first = await board.incidentIdOf(board.openRows().nth(0));
  const second = await board.incidentIdOf(board.openRows().nth(1));
  await board.select(board.openRows().nth(0));

  // Cyrillic ЙЦУКЕН: the J key types "о", the K key "л".
  await pressAs(page, { key: 'о', code: 'KeyJ' });
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', second);
  await pressAs(page, { key: 'л', code: 'KeyK' });
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', first);

  // Caps Lock on: Ctrl+K arrives as "K".
  const palette = new CommandPalette(page);
  await pressAs(page, { key: 'K', code: 'KeyK', ctrlKey: true, capsLock: true });
  await expect(palette.input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toHaveCount(0);

  // "g e" typed as "п" "у" goes to the escalations.
  await pressAs(page, { key: 'п', code: 'KeyG' });
  await pressAs(page, { key: 'у', code: 'KeyE' });
  await expect(page.getByTestId('escalations-view')).toBeVisible();
});
