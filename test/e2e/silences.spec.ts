import { createHash } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { alertmanagerAvailable, type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { freePort, type RunningHub, startHub, tempDataDir } from '../support/hub';
import { type NetworkCut, relayTo, throughRelay } from '../support/network-cut';
import { amtoolAvailable, amtoolSilences, PROM_TOKEN } from '../support/silences';
import { writeConfigDir } from './helpers/config-dir';
import { BoardPage } from './pages/board-page';
import { IncidentPage } from './pages/incident-page';
import { SilencePanel } from './pages/silence-dialog';

// From the keyboard to a real Alertmanager: q on an incident opens the silence dialog with
// matchers derived from its alerts, Ctrl+Enter sends, and amtool sees the silence; u expires it.
// Offline, the silence waits in the outbox and is made once when the console is back.

const test = base;
test.skip(!alertmanagerAvailable() || !amtoolAvailable(), 'needs prometheus-alertmanager and amtool');

const hubs: RunningHub[] = [];
const alertmanagers: RunningAlertmanager[] = [];
const relays: NetworkCut[] = [];
test.afterEach(async ({ page }) => {
  await page.close();
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
  await Promise.all(alertmanagers.splice(0).map((am) => am.stop()));
  await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
});

/** A hub in open local mode whose prom-dc1 Alertmanager (with its API) delivers to it. */
async function hubWithAlertmanager(): Promise<{ hub: RunningHub; am: RunningAlertmanager }> {
  const port = await freePort();
  const tokenSha256 = createHash('sha256').update(PROM_TOKEN).digest('hex');
  const configDir = writeConfigDir(undefined, {
    'integrations.yaml': `integrations:\n  - { id: prom-dc1, kind: alertmanager, token_sha256: ${tokenSha256}, api_url: "http://127.0.0.1:${port}" }\n`,
  });
  const hub = await startHub({
    dataDir: tempDataDir('sitroom-e2e-silences-'),
    args: ['--config-dir', configDir],
  });
  hubs.push(hub);
  const am = await startAlertmanager({
    webhookUrl: `${hub.url}/api/v1/ingest/alertmanager`,
    port,
    bearerToken: PROM_TOKEN,
  });
  alertmanagers.push(am);
  return { hub, am };
}

const diskFull = (instance: string) => ({
  labels: { alertname: 'DiskFull', service: 'payments-db', severity: 'warning', instance },
  annotations: { summary: `Disk almost full on ${instance}` },
  startsAt: new Date().toISOString(),
});

test('q opens the silence dialog; Ctrl+Enter silences in Alertmanager; u expires it', async ({ page }) => {
  const { hub, am } = await hubWithAlertmanager();
  const board = new BoardPage(page, hub);
  const incident = new IncidentPage(page);
  const silences = new SilencePanel(page);
  await board.open();
  await board.waitUntilLive();
  await am.postAlerts([diskFull('db-1'), diskFull('db-2')]);
  await expect(board.openRows()).toHaveCount(1);
  const incidentId = await board.incidentIdOf(board.openRows());

  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await expect(page.locator('.alert-card')).toHaveCount(2);
  await expect(silences.panel).toContainText('None of its alerts is silenced.');
  await incident.press('q');
  await expect(silences.dialog).toBeVisible();
  await expect(silences.duration).toBeFocused();
  await expect(silences.matchers).toHaveValue(
    'alertname="DiskFull"\ninstance=~"db-1|db-2"\nservice="payments-db"\nseverity="warning"',
  );
  // Keyboard only: a duration, Tab to the comment, and a refusal until there is one.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('45m');
  await incident.press('Control+Enter');
  await expect(silences.problem).toContainText('Comment: say why');
  await incident.press('Tab');
  await page.keyboard.type('disk cleanup running');
  await incident.press('Control+Enter');
  await expect(silences.dialog).toHaveCount(0);

  await expect.poll(async () => (await amtoolSilences(am.url)).length, { timeout: 15_000 }).toBe(1);
  const [made] = await amtoolSilences(am.url);
  expect(made?.createdBy).toBe('Local operator');
  expect(made?.comment).toContain('disk cleanup running');
  await expect(silences.silence(made?.id ?? '')).toContainText('by Local operator');
  await expect(silences.silencedAlerts).toHaveCount(2);
  await expect(incident.timelineEntry(/Silence .* created in prom-dc1/)).toHaveCount(1);

  await incident.press('u');
  await expect(page.getByRole('dialog', { name: `Expire a silence on ${incidentId}` })).toBeVisible();
  await incident.press('1');
  await expect.poll(async () => (await amtoolSilences(am.url)).length, { timeout: 15_000 }).toBe(0);
  await expect(silences.panel).toContainText('None of its alerts is silenced.');
  await expect(silences.silencedAlerts).toHaveCount(0);
});

test('a silence made offline waits in the outbox and is made once when the console is back', async ({
  page,
}) => {
  const { hub, am } = await hubWithAlertmanager();
  const network = await relayTo(hub.url);
  relays.push(network);
  const board = new BoardPage(page, throughRelay(hub, network));
  const incident = new IncidentPage(page);
  const silences = new SilencePanel(page);
  await board.open();
  await board.waitUntilLive();
  await am.postAlerts([diskFull('db-7')]);
  await expect(board.openRows()).toHaveCount(1);
  const incidentId = await board.incidentIdOf(board.openRows());
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await expect(page.locator('.alert-card')).toHaveCount(1);

  network.cut();
  await expect(board.connectionStatus).toContainText(/Offline since/);
  await incident.press('q');
  await incident.press('Tab');
  await page.keyboard.type('offline, but it must hold');
  await incident.press('Control+Enter');
  await expect(page.getByTestId('outbox')).toContainText('1 action queued');
  expect(await amtoolSilences(am.url)).toEqual([]);

  network.restore();
  await board.waitUntilLive();
  await expect(page.getByTestId('outbox')).toHaveCount(0);
  await expect.poll(async () => (await amtoolSilences(am.url)).length, { timeout: 15_000 }).toBe(1);
  await expect(silences.silencedAlerts).toHaveCount(1);
  const events = (await (await hub.api(`/api/v1/incidents/${incidentId}/events`)).json()) as {
    events: Array<{ type: string }>;
  };
  expect(events.events.filter((event) => event.type === 'silence_requested')).toHaveLength(1);
});

test("the expire dialog shows a silence's hidden characters as the board does", async ({ page }) => {
  // A silence made by someone else, straight in Alertmanager: its matcher value and author are
  // outside text. A right-to-left override in them would reverse the rest of the line.
  const { hub, am } = await hubWithAlertmanager();
  const board = new BoardPage(page, hub);
  const incident = new IncidentPage(page);
  const instance = 'db-\u202E1-kcab';
  await board.open();
  await board.waitUntilLive();
  await am.postAlerts([diskFull(instance)]);
  await expect(board.openRows()).toHaveCount(1);
  const made = await fetch(`${am.url}/api/v2/silences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      matchers: [{ name: 'instance', value: instance, isRegex: false, isEqual: true }],
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      createdBy: 'mallory\u202Eevil',
      comment: 'made outside Sitroom',
    }),
  });
  expect(made.status).toBe(200);
  const incidentId = await board.incidentIdOf(board.openRows());
  await incident.press('j', 'Enter');
  await incident.expectOpen(incidentId);
  await expect(new SilencePanel(page).silencedAlerts).toHaveCount(1);

  await incident.press('u');
  const dialog = page.getByRole('dialog', { name: `Expire a silence on ${incidentId}` });
  await expect(dialog).toContainText('instance="db-<U+202E>1-kcab"');
  await expect(dialog).toContainText('by mallory<U+202E>evil');
  expect(await dialog.textContent()).not.toContain('\u202E');
});
