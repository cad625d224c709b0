import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../shared/commands';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../shared/feed/board-interpreter';
import type { BoardPatch } from '../../shared/feed/patch';
import type { FeedView } from '../../shared/feed/projection';
import { HOSTS, type HostedApi, type HostUnderTest } from '../support/console-hosts';
import {
  freePort,
  newOpenKey,
  postJson,
  type RunningHub,
  samplesDir,
  startHub,
  tempDataDir,
} from '../support/hub';
import { until } from '../support/until';

// The console's data path on both hosts, against a real hub: the desktop's main process (its
// replica, feeds, IPC handlers and preload bridge, run in Node without an Electron binary) and
// the browser's console worker. The same checks run on both: one subscribe contract, rows on the
// board, the incident on screen whole, and the outbox (queued, pending, applied, confirmed).

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as {
  alerts: Array<Record<string, unknown> & { labels: Record<string, string> }>;
} & Record<string, unknown>;
const group = (name: string, fingerprint = name) => ({
  ...firing,
  groupKey: `{}:{alertname="${name}"}`,
  alerts: [{ ...firing.alerts[0], fingerprint, labels: { ...firing.alerts[0]?.labels, alertname: name } }],
});
const BOARD: FeedView = { incidentId: null, user: null };

const hubs: RunningHub[] = [];
const hosts: HostUnderTest[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) host.stop();
  await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
});

async function hubOn(options: Parameters<typeof startHub>[0] = {}): Promise<RunningHub> {
  const hub = await startHub(options);
  hubs.push(hub);
  return hub;
}

/** A page's board: its feed's patches through the interpreter every page uses. */
function board(api: HostedApi, view: FeedView = BOARD) {
  const seen = { state: INITIAL_BOARD as BoardState, resets: 0, batches: 0 };
  const feed = api.subscribe((batch) => {
    seen.batches += 1;
    for (const patch of batch) if (patch.kind === 'reset') seen.resets += 1;
    seen.state = interpretPatches(seen.state, batch, Date.now());
  }, view);
  return { seen, feed };
}

describe.each(HOSTS)('a console on $name', ({ start: makeHost }) => {
  // Both hosts present the hub's open-mode key, as the desktop app does for its embedded hub and
  // the browser console does after opening the printed link.
  const start = (hub: RunningHub): HostUnderTest => {
    const host = makeHost(hub.url, hub.openKey);
    hosts.push(host);
    return host;
  };

  it('starts each feed with the whole board as rows, then follows the hub', async () => {
    const hub = await hubOn();
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    const host = start(hub);
    const { seen } = board(host.page());
    await until(
      () => seen.state.rows.size === 1 && seen.state.connection.status === 'live',
      'the first board',
    );
    expect(seen.resets).toBeGreaterThanOrEqual(1);
    const [row] = seen.state.active;
    // Rows carry what a row shows, never the alert list.
    expect(row).toMatchObject({ title: expect.stringContaining('PostgresReplicationLag'), alertCount: 1 });
    expect(row).not.toHaveProperty('alerts');
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('B'));
    await until(() => seen.state.active.length === 2, 'the second incident');
  });

  it('carries the incident on screen whole, with its live events, and follows the view', async () => {
    const hub = await hubOn();
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A', 'a-1'));
    const host = start(hub);
    const { seen, feed } = board(host.page());
    await until(() => seen.state.rows.size === 1, 'the board');
    const id = seen.state.active[0]?.id ?? '';
    feed.setView({ incidentId: id, user: null });
    await until(() => seen.state.focus.incident !== null, 'the incident in view');
    expect(Object.keys(seen.state.focus.incident?.alerts ?? {})).toEqual(['a-1']);
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A', 'a-2'));
    await until(() => seen.state.focus.incident?.alertCount === 2, 'the new alert on screen');
    expect(seen.state.timeline.events.map((event) => event.type)).toContain('alert_fired');
    feed.setView(BOARD);
    await until(() => seen.state.focus.incidentId === null, 'the view back on the board');
  });

  it('opens every subscribe as its own feed: a second neither resets the first nor drops its patches', async () => {
    const hub = await hubOn();
    const host = start(hub);
    const page = host.page();
    const first = board(page);
    await until(() => first.seen.state.connection.status === 'live', 'live');
    const resetsBefore = first.seen.resets;
    const posts: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i++) {
      posts.push(postJson(`${hub.url}/api/v1/ingest/alertmanager`, group(`G${i}`)));
      // An incident view opening its own feed in the middle of the storm.
      if (i === 10) board(page, BOARD);
    }
    await Promise.all(posts);
    await until(() => first.seen.state.rows.size === 20, 'every incident on the first feed');
    expect(first.seen.resets).toBe(resetsBefore);
    const second = board(page);
    await until(() => second.seen.state.rows.size === 20, 'the whole board on a third feed');
    second.feed.close();
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('after'));
    await until(() => first.seen.state.rows.size === 21, 'the first feed going on after another closed');
    expect(second.seen.state.rows.size).toBe(20);
  });

  it('shows actions queued while the hub is down — pending, applied, in the outbox — on every page, then confirms them', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const openKey = newOpenKey();
    let hub = await hubOn({ dataDir, port, openKey });
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    const host = start(hub);
    const page = host.page();
    const { seen } = board(page);
    const other = board(host.page());
    await until(() => seen.state.rows.size === 1 && seen.state.connection.status === 'live', 'the board');
    const id = seen.state.active[0]?.id ?? '';

    await hub.kill('SIGKILL');
    await until(() => seen.state.connection.status === 'offline', 'the console to notice the hub is gone');
    let answer: CommandAnswer | null = null;
    void page.sendCommand({ commandId: ulid(), type: 'acknowledge', incidentId: id }).then((reply) => {
      answer = reply;
    });
    for (const view of [seen, other.seen]) {
      await until(() => view.state.pending.length === 1, 'the action in the outbox');
      await until(() => view.state.rows.get(id)?.pending === true, 'the row marked pending');
      expect(view.state.rows.get(id)?.acknowledgedAt).not.toBeNull(); // applied before the hub confirms
    }

    hub = await hubOn({ dataDir, port, openKey });
    await until(() => answer !== null, 'the hub’s answer', 20_000);
    expect(answer).toMatchObject({ ok: true });
    await until(
      () => seen.state.pending.length === 0 && seen.state.rows.get(id)?.pending === false,
      'confirmed',
    );
    expect(seen.state.rows.get(id)?.acknowledgedAt).not.toBeNull();
  });

  it('does not send an action queued offline to a hub whose data was reset: INC-1 there is another incident, and the operator is told', async () => {
    const port = await freePort();
    const openKey = newOpenKey();
    let hub = await hubOn({ dataDir: tempDataDir(), port, openKey });
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    const host = start(hub);
    const page = host.page();
    const { seen } = board(page);
    await until(() => seen.state.rows.size === 1 && seen.state.connection.status === 'live', 'the board');
    const id = seen.state.active[0]?.id ?? '';
    await hub.kill('SIGKILL');
    await until(() => seen.state.connection.status === 'offline', 'the console to notice the hub is gone');
    let answer: CommandAnswer | null = null;
    void page.sendCommand({ commandId: ulid(), type: 'acknowledge', incidentId: id }).then((reply) => {
      answer = reply;
    });
    await until(() => seen.state.pending.length === 1, 'the action in the outbox');

    // The hub comes back at the same address with its database wiped: a new log (a new hub id),
    // whose first alert is another incident under the same id.
    const wiped = tempDataDir();
    const elsewhere = await hubOn({ dataDir: wiped, openKey });
    await postJson(`${elsewhere.url}/api/v1/ingest/alertmanager`, group('B'));
    await elsewhere.kill();
    hub = await hubOn({ dataDir: wiped, port, openKey });

    await until(() => answer !== null && seen.state.pending.length === 0, 'the action settled', 20_000);
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(seen.state.rejected.map((rejection) => rejection.error.message)).toEqual([
      expect.stringContaining('Not sent'),
    ]);
    const row = seen.state.rows.get(id);
    expect(row).toBeDefined();
    expect(row?.acknowledgedAt).toBeNull();
  });

  it('shows no incident for an id that is a name every object has (a link to ?incident=constructor), and goes on', async () => {
    const hub = await hubOn();
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('A'));
    const host = start(hub);
    const batches: Array<ReadonlyArray<BoardPatch>> = [];
    const feeds = ['constructor', '__proto__', 'toString'].map((incidentId) => {
      const seen = { state: INITIAL_BOARD as BoardState };
      host.page().subscribe(
        (batch) => {
          batches.push(batch);
          seen.state = interpretPatches(seen.state, batch, Date.now());
        },
        { incidentId, user: null },
      );
      return seen;
    });
    await until(
      () => feeds.every((seen) => seen.state.rows.size === 1 && seen.state.connection.status === 'live'),
      'every feed live with the board',
    );
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, group('B'));
    await until(() => feeds.every((seen) => seen.state.rows.size === 2), 'the next incident on every feed');
    for (const batch of batches)
      for (const patch of batch) if (patch.kind === 'focus') expect(patch.incident).toBeNull();
  });

  it('fails an action the host refuses to take (not a command), instead of leaving it waiting for good', async () => {
    const hub = await hubOn();
    const host = start(hub);
    const page = host.page();
    const { seen } = board(page);
    await until(() => seen.state.connection.status === 'live', 'live');
    // A page of another version, or a bug: what main's IPC check and the worker's edge refuse.
    const malformed = { commandId: ulid(), type: 'add_note', incidentId: 'INC-1', text: '   ' };
    await expect(page.sendCommand(malformed as never)).rejects.toThrow();
    expect(seen.state.pending).toEqual([]);
  });

  it('forgets a refusal the operator dismissed on one page, on every page of the console', async () => {
    const hub = await hubOn();
    const host = start(hub);
    const page = host.page();
    const { seen } = board(page);
    const other = board(host.page());
    await until(() => seen.state.connection.status === 'live', 'live');
    const commandId = ulid();
    const answer = await page.sendCommand({ commandId, type: 'acknowledge', incidentId: 'INC-404' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await until(() => other.seen.state.rejected.length === 1, 'the refusal on the other page');
    await page.dismissRejected(commandId);
    await until(() => other.seen.state.rejected.length === 0, 'the refusal gone from the other page');
    // A page opened afterwards (a reload, a new window) does not show it again.
    const later = board(host.page());
    await until(() => later.seen.state.connection.status === 'live', 'the later page live');
    expect(later.seen.state.rejected).toEqual([]);
  });

  it('filters the board in the host: only kept rows travel, live ones too, and the totals say of how many', async () => {
    const hub = await hubOn();
    const labelled = (name: string, severity: string, team: string) => {
      const body = group(name);
      const [first] = body.alerts;
      return { ...body, alerts: [{ ...first, labels: { ...first?.labels, severity, team } }] };
    };
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, labelled('A', 'critical', 'payments'));
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, labelled('B', 'warning', 'payments'));
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, labelled('C', 'critical', 'identity'));
    const host = start(hub);
    const filtered = (query: string): FeedView => ({ ...BOARD, filter: { query, serviceTeams: [] } });
    const { seen, feed } = board(host.page(), filtered('team:payments sev:critical'));
    await until(() => seen.state.scope.total === 3 && seen.state.connection.status === 'live', 'the board');
    expect(seen.state.active.map((row) => row.title)).toEqual([
      expect.stringContaining('PostgresReplicationLag'),
    ]);
    expect(seen.state.scope).toMatchObject({ filter: 'team:payments sev:critical', openTotal: 3, total: 3 });

    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, labelled('D', 'critical', 'payments'));
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, labelled('E', 'critical', 'platform'));
    await until(() => seen.state.scope.openTotal === 5, 'the new incidents counted');
    expect(seen.state.active).toHaveLength(2);

    feed.setView(filtered('-sev:critical'));
    await until(() => seen.state.scope.filter === '-sev:critical', 'the new filter');
    expect(seen.state.active).toHaveLength(1);
    // The rows it hid are kept by the page, out of sight; widening again shows them by id.
    expect(seen.state.held.size).toBe(2);
    feed.setView(BOARD);
    await until(() => seen.state.scope.filter === null, 'no filter');
    expect(seen.state.active).toHaveLength(5);
    expect(seen.state.held.size).toBe(0);

    // The filter bar's question about labels is answered from the alerts the host holds, the
    // value on most open incidents first (payments: A, B, D).
    feed.setView({ ...BOARD, labels: { label: 'team', prefix: '' } });
    await until(() => seen.state.labels.label === 'team', 'the label values');
    expect(seen.state.labels.values).toEqual(['payments', 'identity', 'platform']);
  });
});
