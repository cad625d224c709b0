import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { alertmanagerGroup, readSample, sendAlertmanager } from './helpers/monitoring';
import { CommandPalette } from './pages/command-palette';

// The situation room from the keyboard alone: find the incident with Ctrl+K, work it with its
// keys, and move between views with "g" sequences. No mouse anywhere in this file.

test('an incident found with the palette is triaged without the mouse', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'NodeDown', service: 'edge', severity: 'warning' }),
  );
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await expect(board.openRows()).toHaveCount(2);
  const incidentId = await board.incidentIdOf(board.openRows(/Replica|Replication/));

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('replica');
  await expect(palette.activeOption).toContainText(incidentId);
  await expect(palette.options(/NodeDown/)).toHaveCount(0);
  await palette.choose();
  await expect(palette.dialog).toHaveCount(0);
  await incident.expectOpen(incidentId);

  await incident.press('a');
  await expect(incident.acknowledgement).toContainText('Acknowledged by Local operator');
  await incident.press('c');
  await expect(incident.commander).toHaveText('Local operator');

  await incident.press('n');
  await expect(incident.dialog).toBeVisible();
  await page.keyboard.type('failed over to pg-1; lag back under 5 s');
  await incident.press('Control+Enter');
  await expect(incident.timelineEntry('failed over to pg-1')).toHaveCount(1);

  // No escalation policy is configured: the hub refuses, and the refusal is said, not swallowed.
  await incident.press('e');
  await expect(incident.alert).toHaveText(`No escalation policy applies to ${incidentId}.`);

  await incident.press('r');
  await expect(incident.dialog).toContainText(`Resolve ${incidentId}?`);
  await incident.press('Enter');
  await expect(incident.status).toHaveText('Resolved');

  await incident.press('x');
  await expect(incident.dialog).toContainText('Export');
  const download = page.waitForEvent('download');
  await incident.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${incidentId}-timeline.md`);
  expect(readFileSync(await file.path(), 'utf8')).toContain('failed over to pg-1');
  await expect(incident.heading).toBeFocused();
});

test('"g" then "b" goes back to the board; the waiting "g" is shown, and Esc cancels it', async ({
  board,
  incident,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const incidentId = await incident.openFirst(board);

  const pending = page.getByTestId('pending-keys');
  await incident.press('g');
  await expect(pending).toContainText('g');
  // Esc cancels the sequence only: the incident stays open.
  await incident.press('Escape');
  await expect(pending).toBeEmpty();
  await expect(incident.view).toBeVisible();

  // "g" then a key that completes nothing does nothing either: "a" does not acknowledge.
  await incident.press('g', 'a');
  await expect(incident.acknowledgement).toHaveText(/Unacknowledged/i);

  await incident.press('g', 'b');
  await expect(incident.view).toHaveCount(0);
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', incidentId);
  await expect(board.selectedRow).toBeFocused();
});

test('the palette keeps focus and its highlighted result while incidents arrive, and Esc gives focus back', async ({
  board,
  hub,
  page,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await board.select(board.openRows().first());

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.search('pay');
  await expect(palette.labelOf(palette.activeOption)).toHaveText('payments-db');
  // A service named exactly "pay" ranks first once it arrives; the highlight stays where it was.
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'CardDeclines', service: 'pay', severity: 'critical' }),
  );
  await expect(palette.labelOf(palette.options().first())).toHaveText('pay');
  await expect(palette.options(/CardDeclines/)).toHaveCount(1);
  await expect(palette.input).toBeFocused();
  await expect(palette.labelOf(palette.activeOption)).toHaveText('payments-db');
  await page.keyboard.press('ArrowUp');
  await expect(palette.labelOf(palette.activeOption)).toHaveText('pay');

  await page.keyboard.press('Escape');
  await expect(palette.dialog).toHaveCount(0);
  await expect(board.selectedRow).toBeFocused();
});
