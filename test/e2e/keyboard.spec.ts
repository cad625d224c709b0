import { expect, test } from './fixtures';
import { alertmanagerGroup, sendAlertmanager } from './helpers/monitoring';

// One keymap for the whole console: "?" lists the keys that work where you are, a click opens an
// incident as Enter does, and Esc always leads back to the same row.

test('"?" lists the keys that work here, on the board and in an incident', async ({
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
  await expect(board.openRows()).toHaveCount(1);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Next incident');
  await expect(sheet).toContainText('Open the selected incident');
  await expect(sheet).not.toContainText('Acknowledge');
  // The sheet captures keys: j does not move the board underneath.
  await page.keyboard.press('j');
  await expect(board.selectedRow).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  const row = board.openRows().first();
  const incidentId = await board.incidentIdOf(row);
  await row.click();
  await incident.expectOpen(incidentId);
  await page.keyboard.press('?');
  await expect(sheet).toContainText('Acknowledge');
  await expect(sheet).toContainText('Back to the board');
  await expect(sheet).not.toContainText('Next incident');
  await page.keyboard.press('Escape');
  await expect(incident.heading).toBeFocused();

  // Typing in a dialog's text field never triggers actions.
  await page.keyboard.press('n');
  await page.keyboard.type('a c r x');
  await expect(incident.dialog).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(incident.dialog).toHaveCount(0);
  await expect(incident.timelineEntry('Acknowledged')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(board.selectedRow).toHaveAttribute('data-incident-id', incidentId);
  await expect(board.selectedRow).toBeFocused();
});
