import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HubState } from '../../server/state';
import { LogFolder } from '../../server/store/log-folder';
import { type FollowObserver, LogFollower } from '../../server/store/postgres/log-follower';
import { PgLog } from '../../server/store/postgres/pg-log';
import { LOG_CHANNEL } from '../../server/store/postgres/pg-schema';
import type { HubEvent } from '../../shared/events';
import { eventually } from '../support/cluster';
import { numbered, opened } from '../support/fixtures';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// How a hub follows another's commits on one real PostgreSQL: a commit's notification carries its
// events, and once the sending session is known to be a hub's (it runs as the role that writes
// the log) they are folded straight from it, with no read; anything else — the first notice of a
// session not yet known, a gap, a notice from a session of another role — sends the follower to
// the log, so what it folds is always the log.

const missing = postgresMissing();
let postgres: ThrowawayPostgres | null = null;
let databases = 0;
const opened_: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  if (!missing) postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.destroy());
afterEach(async () => {
  for (const thing of opened_.splice(0).reverse()) await thing.close();
});

async function setUp() {
  const url = await (postgres as ThrowawayPostgres).createDatabase(`follow${++databases}`);
  const writer = await PgLog.open(url, 'writer', () => {});
  const followed = await PgLog.open(url, 'follower', () => {});
  opened_.push(writer, followed);
  const state = new HubState([], 0);
  const folder = new LogFolder(state, followed);
  const sources: Array<'notification' | 'log'> = [];
  const observer: FollowObserver = { followStage: () => {}, followed: (source) => sources.push(source) };
  const follower = new LogFollower(followed, 'follower', () => {}, observer);
  follower.start(folder);
  opened_.push(follower);
  /** Commits one incident_opened from the writing hub, as a hub's group commit would. */
  const commit = async (incidentId: string): Promise<void> => {
    const afterSeq = await writer.lastSeq();
    await writer.commit({ afterSeq, commandIds: [] }, async () => ({
      events: numbered([opened(incidentId)], afterSeq + 1),
      commands: [],
      nextIncidentNumber: 1,
    }));
  };
  /** Commits `count` big events at once: too many bytes for one notification. */
  const commitBatch = async (count: number): Promise<void> => {
    const afterSeq = await writer.lastSeq();
    const events = Array.from({ length: count }, (_, i) => ({
      ...opened(`INC-B${afterSeq + i}`),
      title: 'x'.repeat(1_000),
    }));
    await writer.commit({ afterSeq, commandIds: [] }, async () => ({
      events: numbered(events, afterSeq + 1),
      commands: [],
      nextIncidentNumber: 1,
    }));
  };
  const log = async (): Promise<HubEvent[]> => writer.eventsAfter(0, 1_000);
  // The listener is up once a notification reaches it: commit until one has been folded.
  return { url, state, folder, sources, commit, commitBatch, log };
}

describe.skipIf(missing !== null)(`following another hub${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('folds commits straight from their notifications once the sender is known, exactly as the log has them', async () => {
    const { state, folder, sources, commit, log } = await setUp();
    for (let i = 1; i <= 20; i++) {
      await commit(`INC-${i}`);
      await eventually(() => folder.seq === i, `seq ${i} folded (at ${folder.seq})`);
    }
    expect(sources).toContain('notification');
    expect(sources.filter((source) => source === 'notification').length).toBeGreaterThan(10);
    expect([...state.incidents()].map((incident) => incident.id).sort()).toEqual(
      (await log()).map((event) => event.incidentId).sort(),
    );
  });

  it('folds a commit too big for one notification from the runs its notifications carry, without reading the log', async () => {
    const { state, folder, sources, commit, commitBatch, log } = await setUp();
    for (let i = 1; i <= 5; i++) {
      await commit(`INC-${i}`);
      await eventually(() => folder.seq === i, `seq ${i} folded (at ${folder.seq})`);
    }
    await eventually(() => sources.includes('notification'), 'a notification folded');
    // The once-a-second poll may read a batch before its notifications arrive: a few tries.
    let carried = false;
    for (let attempt = 0; attempt < 3 && !carried; attempt++) {
      const before = sources.length;
      const target = folder.seq + 40;
      await commitBatch(40);
      await eventually(() => folder.seq === target, `seq ${target} folded (at ${folder.seq})`);
      const since = sources.slice(before);
      carried = since.length > 1 && since.every((source) => source === 'notification');
    }
    expect(carried).toBe(true);
    expect([...state.incidents()].map((incident) => incident.id).sort()).toEqual(
      (await log()).map((event) => event.incidentId).sort(),
    );
  });

  it('never folds events notified by a session of another role; they come from the log', async () => {
    const { url, state, folder, commit } = await setUp();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      'DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$',
    );
    await admin.end();
    const reader = new pg.Client({ connectionString: url.replace('sitroom@', 'reader@') });
    await reader.connect();
    opened_.push({ close: () => reader.end() });
    for (let seq = 1; seq <= 3; seq++) {
      // A forged commit of exactly the next seq, from a session that could never write the log.
      const forged = numbered([opened(`FORGED-${seq}`)], seq);
      await reader.query('SELECT pg_notify($1, $2)', [
        LOG_CHANNEL,
        `writer ${seq} ${seq} 1\n${JSON.stringify(forged)}`,
      ]);
      await commit(`INC-${seq}`);
      await eventually(() => folder.seq === seq, `seq ${seq} folded (at ${folder.seq})`);
    }
    expect([...state.incidents()].map((incident) => incident.id).sort()).toEqual(['INC-1', 'INC-2', 'INC-3']);
  });

  it('reads the log when a notice does not follow on from what it holds', async () => {
    const { url, state, folder, commit } = await setUp();
    await commit('INC-1');
    await eventually(() => folder.seq === 1, 'seq 1 folded');
    // Our own role, carrying events, but seq 3 while the follower holds 1: a gap, never folded.
    const same = new pg.Client({ connectionString: url });
    await same.connect();
    opened_.push({ close: () => same.end() });
    const ahead = numbered([opened('AHEAD-3')], 3);
    await same.query('SELECT pg_notify($1, $2)', [LOG_CHANNEL, `writer 3 3 1\n${JSON.stringify(ahead)}`]);
    await commit('INC-2');
    await eventually(() => folder.seq === 2, 'seq 2 folded');
    expect([...state.incidents()].map((incident) => incident.id).sort()).toEqual(['INC-1', 'INC-2']);
  });
});
