import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInTerm } from '../../server/cluster/term-records';
import { HubState } from '../../server/state';
import { LogFolder } from '../../server/store/log-folder';
import { PgCoordination } from '../../server/store/postgres/pg-coordination';
import { PgLog } from '../../server/store/postgres/pg-log';
import { LOCKS } from '../../server/store/postgres/pg-schema';
import { StoreHealth } from '../../server/store/store-health';
import { Writer } from '../../server/store/writer';
import type { HubEvent, NewEvent } from '../../shared/events';
import { eventually } from '../support/cluster';
import { numbered, opened } from '../support/fixtures';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// Fencing on a real PostgreSQL: a leader whose session (and with it the leader's advisory lock)
// is gone while a commit of its work waits for the write lock must not have that commit land,
// although the hub has not noticed yet and still takes itself for the leader. What other work
// the same commit carries lands as ever.

const missing = postgresMissing();
let postgres: ThrowawayPostgres | null = null;
let databases = 0;
beforeAll(async () => {
  if (!missing) postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.destroy());

const note = (text: string): NewEvent => ({
  at: Date.now(),
  actor: { kind: 'system' },
  incidentId: 'INC-1',
  type: 'note_added',
  text,
});

/** A hub's log and writer, and a leader session holding the leader's lock, as the coordination takes it. */
async function leadingHub() {
  const url = await (postgres as ThrowawayPostgres).createDatabase(`fencing${++databases}`);
  const log = await PgLog.open(url, 'hub-a', () => {});
  const state = new HubState([], 0);
  const writer = new Writer(log, new LogFolder(state, log), new StoreHealth(Date.now), Date.now);
  const session = new pg.Client({ connectionString: url });
  session.on('error', () => {});
  await session.connect();
  const taken = await session.query<{ locked: boolean; pid: number }>(
    'SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid',
    [LOCKS.leader],
  );
  expect(taken.rows[0]?.locked).toBe(true);
  log.leaderPid = taken.rows[0]?.pid ?? null;
  const other = new pg.Client({ connectionString: url });
  other.on('error', () => {});
  await other.connect();
  return {
    log,
    writer,
    session,
    /** Another client: the DBA, another hub. */
    other,
    texts: async () =>
      (await log.eventsAfter(0, 100)).map((event) => (event.type === 'note_added' ? event.text : event.type)),
    async close() {
      writer.close();
      await session.end().catch(() => {});
      await other.end();
      await log.close();
    },
  };
}

describe.skipIf(missing !== null)(`leader fencing${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('lands leader work while the leader session holds the lock', { timeout: 60_000 }, async () => {
    const hub = await leadingHub();
    await recordInTerm(hub.writer, () => true, [note('leader work')]);
    expect(await hub.texts()).toEqual(['leader work']);
    await hub.close();
  });

  it('drops leader work whose commit waited while the leader lost its lock', {
    timeout: 60_000,
  }, async () => {
    const hub = await leadingHub();
    // Another hub's commit holds the write lock: ours waits, already in flight.
    await hub.other.query('BEGIN');
    await hub.other.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.write]);
    const leaderWork = recordInTerm(hub.writer, () => true, [note('leader work')]);
    const ingest = hub.writer.submit(() => [note('ingest')]);
    const locks = async (lock: number, granted: boolean): Promise<number> =>
      (
        await hub.other.query(
          "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted = $2",
          [lock, granted],
        )
      ).rowCount ?? 0;
    await eventually(
      async () => (await locks(LOCKS.write, false)) === 1,
      'our commit waiting for the write lock',
    );
    // The leader's session ends (its connection killed); the lock goes with it, a moment later.
    await hub.other.query('SELECT pg_terminate_backend($1)', [hub.log.leaderPid]);
    await eventually(async () => (await locks(LOCKS.leader, true)) === 0, "the leader's lock released");
    await hub.other.query('COMMIT');
    await Promise.all([leaderWork, ingest]);
    expect(await hub.texts()).toEqual(['ingest']);
    await hub.close();
  });

  it('makes a new leader wait for a commit that read the old one as leading, and fold it first', {
    timeout: 60_000,
  }, async () => {
    const url = await (postgres as ThrowawayPostgres).createDatabase(`fencing${++databases}`);
    const log = await PgLog.open(url, 'hub-b', () => {});
    // The old leader's commit: it read its session as holding the leader's lock, under the write
    // lock, wrote its page, and has yet to COMMIT when its session dies (the lock is free).
    const oldCommit = new pg.Client({ connectionString: url });
    oldCommit.on('error', () => {});
    await oldCommit.connect();
    const [page] = numbered([opened('INC-1', 'sev1')], 1) as HubEvent[];
    await oldCommit.query('BEGIN');
    await oldCommit.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.write]);
    await oldCommit.query(
      'INSERT INTO events (seq, at, type, incident_id, body) VALUES (1, $1, $2, $3, $4)',
      [page?.at, page?.type, page?.incidentId, JSON.stringify(page)],
    );
    const folded: HubEvent[] = [];
    const folder = new LogFolder(new HubState([], 0), log);
    folder.onFolded((events) => folded.push(...events));
    const next = new PgCoordination(
      log,
      'hub-b',
      () => 'config',
      null,
      () => {},
    );
    const ledWith: number[] = [];
    next.onLeadership((leading) => {
      if (leading) ledWith.push(folded.length);
    });
    next.start(folder);
    const leaderLockHeld = async (): Promise<boolean> =>
      ((
        await oldCommit.query(
          "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted",
          [LOCKS.leader],
        )
      ).rowCount ?? 0) > 0;
    await eventually(leaderLockHeld, "the new leader holding the leader's lock");
    // It holds the lock, but does not lead while the old leader's commit may still land.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(next.isLeader()).toBe(false);
    await oldCommit.query('COMMIT');
    await eventually(() => next.isLeader(), 'the new leader leading');
    // It led with the old leader's page folded: the new term knows it was sent.
    expect(ledWith).toEqual([1]);
    expect(folded.map((event) => event.seq)).toEqual([1]);
    await next.close();
    await oldCommit.end();
    await log.close();
  });
});
