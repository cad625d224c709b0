import { expect, test } from './fixtures';
import { readSample, sendAlertmanager } from './helpers/monitoring';
import { openSecondConsole } from './helpers/second-console';

// Two consoles on the same incident: what one does appears in the other's timeline as it
// happens, and when both act at once the loser is told why in words.

test('a second console sees each action appear live in its timeline', async ({
  board,
  incident,
  hub,
  page,
  browser,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const wall = await openSecondConsole(browser, hub);
  const row = board.openRows().first();
  const incidentId = await board.incidentIdOf(row);

  await row.click();
  await incident.expectOpen(incidentId);
  await wall.board.openRows().first().click();
  await wall.incident.expectOpen(incidentId);
  await expect(wall.incident.timelineEntry('Incident opened')).toHaveCount(1);

  await incident.press('a');
  await expect(wall.incident.timelineEntry('Acknowledged')).toHaveCount(1);
  await expect(wall.incident.acknowledgement).toContainText('Acknowledged by Local operator');

  await incident.press('n');
  await page.keyboard.type('Failing over to pg-2');
  await incident.press('Control+Enter');
  await expect(wall.incident.timelineEntry('Note: Failing over to pg-2')).toHaveCount(1);

  await incident.press('c');
  await expect(wall.incident.timelineEntry('Commander: Local operator')).toHaveCount(1);

  await incident.press('s', '2');
  await expect(wall.incident.timelineEntry('Severity SEV1 → SEV2')).toHaveCount(1);

  await incident.press('r', 'Enter');
  await expect(wall.incident.timelineEntry(/Resolved$/)).toHaveCount(1);
  await expect(wall.incident.status).toHaveText('Resolved');
  // Live updates never move the other operator's focus.
  await expect(wall.incident.heading).toBeFocused();
  await wall.close();
});

test('a refused action is explained: the incident was already resolved elsewhere', async ({
  board,
  incident,
  hub,
  browser,
}) => {
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  const other = await openSecondConsole(browser, hub);
  const incidentId = await board.incidentIdOf(board.openRows().first());
  await board.openRows().first().click();
  await incident.expectOpen(incidentId);
  await other.board.openRows().first().click();
  await other.incident.expectOpen(incidentId);

  await incident.press('r', 'Enter');
  await expect(incident.status).toHaveText('Resolved');

  await other.incident.press('a');
  await expect(other.incident.alert).toContainText(`${incidentId} was already resolved by Local operator`);
  await expect(other.incident.acknowledgement).toHaveText('Never acknowledged');
  await other.close();
});
