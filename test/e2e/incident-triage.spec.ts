import { readFileSync } from 'node:fs';
import { escapeMarkdown } from '../../shared/export/markdown';
import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';

// An operator works an incident from the keyboard alone: open it, acknowledge, note, take
// command, resolve, export — and lands back on the board where they left.

const HOSTILE_NOTE =
  '<img src=x onerror="window.__xss=1"> rolled back deploy, see https://status.example.org/pg';

test('an incident is triaged end to end from the keyboard', async ({ board, incident, hub, page }) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const row = board.openRows(/PostgresReplicationLag|Replica/);
  await expect(row).toHaveCount(1);
  const incidentId = await board.incidentIdOf(row);

  // j selects the first row, Enter opens it and focuses its heading.
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await expect(incident.acknowledgement).toHaveText(/Unacknowledged/i);

  await incident.press('a');
  await expect(incident.acknowledgement).toContainText('Acknowledged by Local operator');
  await expect(incident.heading).toBeFocused();

  await incident.press('n');
  await expect(incident.dialog).toBeVisible();
  await page.keyboard.type(HOSTILE_NOTE);
  await incident.press('Control+Enter');
  await expect(incident.dialog).toHaveCount(0);
  const note = incident.timelineEntry('rolled back deploy');
  await expect(note).toContainText(HOSTILE_NOTE);
  await expect(note.getByRole('link')).toHaveAttribute('href', 'https://status.example.org/pg');
  await expect(incident.view.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();

  await incident.press('c');
  await expect(incident.commander).toHaveText('Local operator');

  await incident.press('r');
  await expect(incident.dialog).toContainText(`Resolve ${incidentId}?`);
  await incident.press('Enter');
  await expect(incident.status).toHaveText('Resolved');
  await expect(incident.timelineEntry(/^.*Resolved$/)).toHaveCount(1);

  await incident.press('x');
  await expect(incident.dialog).toContainText('Export');
  const download = page.waitForEvent('download');
  await incident.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${incidentId}-timeline.md`);
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toContain(escapeMarkdown(`Note: ${HOSTILE_NOTE}`));
  expect(markdown).toMatch(/\| Resolved \|/);

  // Esc: back on the board, the same incident selected and focused.
  await incident.press('Escape');
  await expect(incident.view).toHaveCount(0);
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', incidentId);
  await expect(board.selectedRow).toBeFocused();
});
