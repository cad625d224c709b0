import { test as base, expect, type Page } from '@playwright/test';
import { ulid } from 'ulid';
import { freePort, newOpenKey, type RunningHub, startHub, tempDataDir } from '../support/hub';
import { type NetworkCut, relayTo, throughRelay } from '../support/network-cut';
import { alertmanagerGroup, readSample, sendAlertmanager } from './helpers/monitoring';
import { BoardPage } from './pages/board-page';
import { IncidentPage } from './pages/incident-page';

// The hub goes away mid-shift: the console says so, keeps working, survives a reload on its
// cached shell and board, and once the hub is back every action lands exactly once.

const test = base;
const hubs: RunningHub[] = [];
const relays: NetworkCut[] = [];
test.afterEach(async () => {
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
  await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
});

/**
 * A hub the test can kill and start again on the same port, data and key, as a desktop app does
 * with its own, and the console live on it with one incident.
 */
async function consoleWithOneIncident(page: Page) {
  const dataDir = tempDataDir('sitroom-e2e-offline-');
  const port = await freePort();
  // The same key across the restart, as a desktop app gives its hub: the page keeps its sign-in.
  const openKey = newOpenKey();
  const hub = await startHub({ dataDir, port, openKey });
  hubs.push(hub);
  const board = new BoardPage(page, hub);
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await expect(board.openRows()).toHaveCount(1);
  const restart = async (): Promise<RunningHub> => {
    const again = await startHub({ dataDir, port, openKey });
    hubs.push(again);
    return again;
  };
  return {
    hub,
    board,
    incident: new IncidentPage(page),
    restart,
    incidentId: await board.incidentIdOf(board.openRows()),
  };
}

test('actions taken while the hub is down are kept across a reload and applied once it is back', async ({
  page,
}) => {
  const started = await consoleWithOneIncident(page);
  const { board, incident, incidentId } = started;
  let hub = started.hub;
  // The app shell must be cached before the hub can go away.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await hub.kill('SIGKILL');
  await expect(board.connectionStatus).toContainText(/Offline since/);

  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await incident.press('a');
  await expect(page.getByTestId('outbox')).toContainText('1 action queued until the hub is back');
  // Shown applied while pending, by the same rules the hub applies.
  await expect(incident.acknowledgement).toContainText('Acknowledged');

  // A wall display rebooted while the hub is down still opens, showing its cached picture.
  await page.reload();
  await expect(board.root).toHaveAttribute('data-ready', 'true');
  await expect(board.openRows()).toHaveCount(1);
  await expect(page.getByTestId('last-update')).toContainText(/^cached — last update \d\d:\d\d:\d\d/);
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');

  hub = await started.restart();
  await board.waitUntilLive();
  await expect(page.getByTestId('outbox')).toHaveCount(0);
  const events = (await (await hub.api(`/api/v1/incidents/${incidentId}/events`)).json()) as {
    events: Array<{ type: string }>;
  };
  expect(events.events.filter((event) => event.type === 'incident_acknowledged')).toHaveLength(1);
});

test('an incident opened while the hub is down says why its timeline is missing, and loads it once the hub is back', async ({
  page,
}) => {
  const started = await consoleWithOneIncident(page);
  const { board, incident, incidentId } = started;
  let hub = started.hub;

  await hub.kill('SIGKILL');
  await expect(board.connectionStatus).toContainText(/Offline since/);
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  // The browser's own words ("Failed to fetch") explain nothing to an operator.
  const failure = incident.view.locator('.panel--timeline .panel__error');
  await expect(failure).toHaveText(
    'Could not load the whole timeline: the hub cannot be reached. It loads once the hub is back.',
  );

  hub = await started.restart();
  await board.waitUntilLive();
  await expect(incident.timelineEntry(/Incident opened/)).toBeVisible();
  await expect(failure).toHaveCount(0);
});

test('a refusal of an action queued offline is explained, kept across a reload, and the rest of the board is undisturbed', async ({
  browser,
  context,
  page,
}) => {
  const hub = await startHub({ dataDir: tempDataDir('sitroom-e2e-offline-') });
  hubs.push(hub);
  // The console reaches the hub over a network the test can cut (its worker's socket too).
  const network = await relayTo(hub.url);
  relays.push(network);
  const board = new BoardPage(page, throughRelay(hub, network));
  const incident = new IncidentPage(page);
  await board.open();
  await board.waitUntilLive();
  await sendAlertmanager(hub.url, readSample('alertmanager-firing.json'));
  await expect(board.openRows()).toHaveCount(1);
  const incidentId = await board.incidentIdOf(board.openRows());

  // The laptop loses the network; the hub stays up for everyone else.
  network.cut();
  await expect(board.connectionStatus).toContainText(/Offline since/);
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await incident.press('a');
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');

  // Meanwhile a colleague resolves it.
  const resolve = await hub.api(`/api/v1/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      commandId: ulid(),
      type: 'set_status',
      incidentId,
      status: 'resolved',
    }),
  });
  expect(resolve.status).toBe(200);

  network.restore();
  await board.waitUntilLive();
  const refusal = page.getByTestId('outbox').getByRole('alert');
  await expect(refusal).toContainText(
    `Acknowledge ${incidentId} was refused: ${incidentId} was already resolved by Local operator`,
  );
  await expect(incident.status).toHaveText('Resolved');

  // The tab is reloaded before the operator reads it: the refusal is still there.
  const refusedText = `Acknowledge ${incidentId} was refused: ${incidentId} was already resolved by Local operator`;
  await page.reload();
  await expect(refusal).toContainText(refusedText);
  // So it is after the browser restarts (a fresh context holding only what this one stored, with a
  // console worker of its own): it was stored, not merely kept in the worker's memory.
  const restarted = await browser.newContext({
    storageState: await context.storageState({ indexedDB: true }),
  });
  try {
    const restartedPage = await restarted.newPage();
    await new BoardPage(restartedPage, throughRelay(hub, network)).open();
    await expect(restartedPage.getByTestId('outbox').getByRole('alert')).toContainText(refusedText);
  } finally {
    await restarted.close();
  }

  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('outbox')).toHaveCount(0);
  // Dismissed for good: a reload does not bring it back.
  await page.reload();
  await board.waitUntilLive();
  await expect(page.getByTestId('outbox')).toHaveCount(0);
});

test('two tabs of one browser share one outbox offline, and neither loses the other’s actions', async ({
  context,
  page,
}) => {
  const dataDir = tempDataDir('sitroom-e2e-offline-');
  const port = await freePort();
  // The same key across the restart, as a desktop app gives its hub: the page keeps its sign-in.
  const openKey = newOpenKey();
  let hub = await startHub({ dataDir, port, openKey });
  hubs.push(hub);
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'DiskFull', service: 'db', severity: 'warning' }),
  );
  await sendAlertmanager(
    hub.url,
    alertmanagerGroup({ alertname: 'QueueLag', service: 'queue', severity: 'warning' }),
  );

  // An operator's console and, beside it in the same browser, a second tab (a wall, say).
  const first = new BoardPage(page, hub);
  await first.open();
  await first.waitUntilLive();
  await expect(first.openRows()).toHaveCount(2);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const otherPage = await context.newPage();
  const second = new BoardPage(otherPage, hub);
  await second.open();
  await second.waitUntilLive();

  await hub.kill('SIGKILL');
  await expect(first.connectionStatus).toContainText(/Offline since/);
  await expect(second.connectionStatus).toContainText(/Offline since/);

  // Each tab acknowledges a different incident while the hub is away. The tabs share one
  // replica and one outbox (the console's SharedWorker): each sees the other's action queued,
  // and both incidents shown acknowledged, pending.
  await new IncidentPage(page).press('j', 'Enter', 'a');
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');
  await expect(otherPage.getByTestId('outbox')).toContainText('1 action queued');
  await new IncidentPage(otherPage).press('j', 'j', 'Enter', 'a');
  await expect(otherPage.getByTestId('outbox')).toContainText('2 actions queued');
  await expect(page.getByTestId('outbox')).toContainText('2 actions queued');
  await page.keyboard.press('Escape');
  await expect(first.openRows().locator('.pending-marker')).toHaveCount(2);
  await expect(first.openRows().locator('.unack-marker')).toHaveCount(0);

  // The first tab is closed before the hub is back: its action must not go with it.
  await page.close();
  hub = await startHub({ dataDir, port, openKey });
  hubs.push(hub);
  const third = await context.newPage();
  await new BoardPage(third, hub).open();
  await expect(third.getByTestId('outbox')).toHaveCount(0, { timeout: 20_000 });
  for (const title of ['DiskFull', 'QueueLag']) {
    const incidents = (await (await hub.api(`/api/v1/incidents`)).json()) as {
      incidents: Array<{ id: string; title: string }>;
    };
    const incident = incidents.incidents.find((candidate) => candidate.title.startsWith(title));
    const events = (await (await hub.api(`/api/v1/incidents/${incident?.id}/events`)).json()) as {
      events: Array<{ type: string }>;
    };
    expect(
      events.events.filter((event) => event.type === 'incident_acknowledged'),
      title,
    ).toHaveLength(1);
  }
});
