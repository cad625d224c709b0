import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import type { HubEvent } from '../../shared/events';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { appendEvents } from '../support/event-logs';
import { type RunningHub, repoRoot, startHub, tempDataDir } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';
import { HOUR, MINUTE, TimelineLog } from '../unit/metrics/timeline-log';

// The documented one command that moves a single hub's history into PostgreSQL: a SQLite data
// directory with 100,000 events, copied by `npm run copy-to-postgres`, then served by a hub on
// PostgreSQL with the same incidents, the same exports, the same statistics and the same log
// identity (so consoles carry on with a delta). A second copy into the same database is refused.

const missing = postgresMissing();
const INCIDENTS = 2_400;
const ALERTS = 40;
let postgres: ThrowawayPostgres | null = null;
afterAll(() => postgres?.destroy());

/** 2,400 incidents of 40 alerts, acknowledged; the older half resolved (two days ago, so let go of). */
async function seedSqlite(now: number): Promise<{ dataDir: string; events: number }> {
  const log = new TimelineLog();
  for (let n = 1; n <= INCIDENTS; n++) {
    const id = `INC-${n}`;
    const at = now - 3 * 24 * HOUR + n * MINUTE;
    log.open(id, at, n % 3 === 0 ? 'sev1' : 'sev2', [{ fingerprint: `${id}-0`, service: `svc-${n % 7}` }]);
    for (let a = 1; a < ALERTS; a++)
      log.fire(id, at + a, { fingerprint: `${id}-${a}`, service: `svc-${n % 7}` });
    log.acknowledge(id, at + 5 * MINUTE);
    if (n <= INCIDENTS / 2) log.resolve(id, at + 10 * MINUTE);
  }
  const dataDir = tempDataDir('sitroom-copy-');
  const store = new SqliteLog(dataDir, () => {});
  for (let i = 0; i < log.events.length; i += 20_000) {
    await appendEvents(store, log.events.slice(i, i + 20_000) as HubEvent[], INCIDENTS + 1);
  }
  // Three deploys of svc-3 in the last hours: the copy must bring the `changes` table along.
  const changes: HubEvent[] = [1, 2, 3].map((k) => ({
    seq: log.events.length + k,
    at: now - k * HOUR,
    actor: { kind: 'integration', id: 'deploys' },
    incidentId: '',
    type: 'change_recorded',
    change: {
      id: `01CHANGE${k}`,
      service: 'svc-3',
      kind: 'deploy',
      summary: `v${k}`,
      by: 'ci',
      at: now - k * HOUR,
      source: null,
      links: [],
    },
  }));
  await appendEvents(store, changes, INCIDENTS + 1);
  await store.close();
  return { dataDir, events: log.events.length + changes.length };
}

/** The date `days` from today, for a report's range. */
const day = (days: number): string => new Date(Date.now() + days * 24 * HOUR).toISOString().slice(0, 10);

/** What a person can read of the hub's history, through its API. */
async function picture(hub: RunningHub): Promise<Record<string, unknown>> {
  const get = async (path: string): Promise<string> => {
    const response = await hub.api(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const range = 'from=2020-01-01&to=2100-01-01';
  return {
    hubId: JSON.parse(await get('/api/v1/hub')).hubId,
    changes: JSON.parse(await get('/api/v1/services/svc-3/changes')),
    incidents: JSON.parse(await get('/api/v1/incidents?status=all')),
    csv: await get(`/api/v1/incidents.csv?${range}`),
    // INC-1 was resolved days ago: the hub rebuilds it from the log.
    // The export names the moment it was made, which moves between the two reads too.
    old: (await get('/api/v1/incidents/INC-1/timeline.json')).replace(/"exported(At)?": "[^"]*"/g, ''),
    // An open incident's duration counts to now, which moves between the two reads.
    open: (await get(`/api/v1/incidents/INC-${INCIDENTS}/timeline.csv`)).replace(/Duration: [^\n]*/, ''),
    events: JSON.parse(await get('/api/v1/incidents/INC-7/events')),
    statistics: {
      ...JSON.parse(await get(`/api/v1/statistics?from=${day(-5)}&to=${day(1)}`)),
      generatedAt: 0,
    },
  };
}

/**
 * The hub's own command, as the production build runs it (`node dist/server/hub.mjs
 * copy-to-postgres …`, bundled from server/main.ts) where the data folder is: a server or image
 * with no source tree and no tsx, which a script of its own could not run on.
 */
function copy(dataDir: string, databaseUrl: string) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'server', 'main.ts'),
      'copy-to-postgres',
      '--data-dir',
      dataDir,
      '--database-url',
      databaseUrl,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
}

describe.skipIf(missing !== null)(`copy-to-postgres${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('moves 100,000 events of a single hub into PostgreSQL, where a hub shows the same history', {
    timeout: 240_000,
  }, async () => {
    postgres ??= await startPostgres();
    const databaseUrl = await postgres.createDatabase('copied');
    const phase = (name: string): void => console.log(`copy test: ${name} at ${Date.now() - started} ms`);
    const started = Date.now();
    const seeded = await seedSqlite(started);
    phase('seeded');
    expect(seeded.events).toBeGreaterThanOrEqual(100_000);

    const single = await startHub({ dataDir: seeded.dataDir });
    const before = await picture(single);
    await single.stop();
    phase('read from the SQLite hub');

    const copied = copy(seeded.dataDir, databaseUrl);
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.stdout).toContain(`${seeded.events} events (last seq ${seeded.events})`);
    phase('copied');

    // Started over the same data folder, as a systemd unit that names one does: the log there
    // was copied (same identity), so there is nothing to warn of.
    const onPostgres = await startHub({ dataDir: seeded.dataDir, args: ['--database-url', databaseUrl] });
    expect(onPostgres.output()).not.toContain('holds a SQLite event log');
    const after = await picture(onPostgres);
    await onPostgres.stop();
    phase('read from the PostgreSQL hub');
    expect(after).toEqual(before);
    expect((after.changes as { changes: unknown[] }).changes).toHaveLength(3);
    expect((after.incidents as { incidents: unknown[] }).incidents.length).toBeGreaterThanOrEqual(
      INCIDENTS / 2,
    );

    // The same command again finds the database in use and copies nothing.
    const again = copy(seeded.dataDir, databaseUrl);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a log');
  });

  it('refuses the folder of a hub still running (what it took after the copy would be lost)', {
    timeout: 120_000,
  }, async () => {
    postgres ??= await startPostgres();
    const databaseUrl = await postgres.createDatabase('still_running');
    const dataDir = tempDataDir('sitroom-copy-running-');
    const running = await startHub({ dataDir });
    try {
      const alert = await fetch(`${running.url}/api/v1/ingest/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: webhookBody('before-the-copy', groupAlerts('before-the-copy', 1)),
      });
      expect(alert.status).toBe(200);
      const refused = copy(dataDir, databaseUrl);
      expect(refused.status, refused.stdout).toBe(2);
      expect(refused.stderr).toContain('a hub is running on');
      expect(refused.stderr).toContain('nothing was copied');
    } finally {
      await running.stop();
    }
    // Stopped, it copies; and the database was left empty by the refusal.
    const copied = copy(dataDir, databaseUrl);
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.stdout).toContain('(last seq ');
  });

  it('refuses a database a hub already runs on, even with an empty log', { timeout: 120_000 }, async () => {
    // Hubs started before the copy (systemd enabled them first) run under the identity they
    // gave the empty log: the copy would replace it under them, so they and the consoles that
    // knew the single hub would disagree on which log this is.
    postgres ??= await startPostgres();
    const databaseUrl = await postgres.createDatabase('hub_running');
    const dataDir = tempDataDir('sitroom-copy-early-hub-');
    const single = await startHub({ dataDir });
    const alert = await fetch(`${single.url}/api/v1/ingest/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: webhookBody('before-the-move', groupAlerts('before-the-move', 1)),
    });
    expect(alert.status).toBe(200);
    await single.stop();
    // Over the single hub's folder, whose log was never copied: the hub says so at start.
    const early = await startHub({ dataDir, args: ['--database-url', databaseUrl] });
    try {
      expect(early.output()).toMatch(
        /sitroom-hub\.sqlite holds a SQLite event log \(\d+ events\) that this hub does not show/,
      );
      expect(early.output()).toContain('copy-to-postgres');
      const refused = copy(dataDir, databaseUrl);
      expect(refused.status, refused.stdout).toBe(2);
      expect(refused.stderr).toContain(`hub ${await instanceOf(early)} is running on`);
      expect(refused.stderr).toContain('nothing was copied');
    } finally {
      await early.stop();
    }
    const copied = copy(dataDir, databaseUrl);
    expect(copied.status, copied.stderr).toBe(0);
  });
});

async function instanceOf(hub: RunningHub): Promise<string> {
  return ((await (await fetch(`${hub.url}/healthz`)).json()) as { instance: string }).instance;
}
