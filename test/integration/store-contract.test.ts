import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryFrom } from '../../server/auth/config-directory';
import { CommandService } from '../../server/commands/command-service';
import { OPEN_CONFIG } from '../../server/config/open-config';
import { HubState } from '../../server/state';
import type { EventLog } from '../../server/store/event-log';
import { LogFolder } from '../../server/store/log-folder';
import { PgLog } from '../../server/store/postgres/pg-log';
import { SQLITE_FILE, SqliteLog } from '../../server/store/sqlite/sqlite-log';
import { StoreHealth } from '../../server/store/store-health';
import { Writer } from '../../server/store/writer';
import type { HubEvent } from '../../shared/events';
import { appendEvents } from '../support/event-logs';
import { tempDataDir } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// One suite, both stores: whatever the hub runs on, the log keeps the same promises — a gap-free
// seq, command answers kept (and a commandId reused by someone else or for another action
// refused), the incident counter, snapshots (an unreadable one passed over), reads by incident
// and by opening time, and nothing written when a commit fails.

interface Opened {
  readonly log: EventLog;
  /** Opens the same store again, as a restarted hub would. */
  reopen(): Promise<EventLog>;
  /** Writes a snapshot row that does not parse, newer than any other. */
  corruptSnapshot(seq: number): Promise<void>;
  cleanup(): void;
}

let postgres: ThrowawayPostgres | null = null;
let databases = 0;
const missing = postgresMissing();

const stores: ReadonlyArray<{ name: string; skip: string | null; open: () => Promise<Opened> }> = [
  {
    name: 'SQLite',
    skip: null,
    async open() {
      const dir = tempDataDir('sitroom-contract-');
      return {
        log: new SqliteLog(dir, () => {}),
        reopen: async () => new SqliteLog(dir, () => {}),
        async corruptSnapshot(seq) {
          const db = new Database(`${dir}/${SQLITE_FILE}`);
          db.prepare('INSERT INTO snapshots (seq, body) VALUES (?, ?)').run(
            seq,
            '{"seq": 1, "incidents": [tr',
          );
          db.close();
        },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: missing,
    async open() {
      const url = await (postgres as ThrowawayPostgres).createDatabase(`contract${++databases}`);
      return {
        log: await PgLog.open(url, 'contract', () => {}),
        reopen: () => PgLog.open(url, 'contract', () => {}),
        async corruptSnapshot(seq) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query('INSERT INTO snapshots (seq, body) VALUES ($1, $2)', [seq, 'not json']);
          await client.end();
        },
        cleanup: () => {},
      };
    },
  },
];

beforeAll(async () => {
  if (!missing) postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.destroy());

const opened = (n: number, at: number, groupKey = `g${n}`): HubEvent =>
  ({
    type: 'incident_opened',
    seq: n,
    at,
    actor: { kind: 'integration', id: 'test' },
    incidentId: `INC-${n}`,
    title: `Incident ${n}`,
    severity: 'sev2',
    source: 'alertmanager',
    groupKey,
  }) as HubEvent;

const note = (seq: number, incidentId: string, at: number): HubEvent =>
  ({
    type: 'note_added',
    seq,
    at,
    actor: { kind: 'user', id: 'dana' },
    incidentId,
    text: `note ${seq}`,
  }) as HubEvent;

/** A writer with its state and folder over `log`, as the hub composes them. */
async function writerOn(log: EventLog) {
  const state = new HubState([], 0);
  const folder = new LogFolder(state, log, () => {});
  await folder.fold(await log.eventsAfter(0, 1_000_000));
  const health = new StoreHealth();
  const writer = new Writer(log, folder, health);
  const commands = new CommandService(
    writer,
    () => directoryFrom(OPEN_CONFIG),
    Date.now,
    undefined,
    (ids) => folder.recall(ids),
  );
  return { state, folder, health, writer, commands };
}

const user = (id: string) => ({ id, name: id, role: 'admin' as const });

describe.each(stores)('the $name event log', ({ name, skip, open }) => {
  const title = skip ? `(skipped: ${skip})` : 'keeps its promises';
  describe.skipIf(skip !== null)(title, () => {
    it('appends events in seq order and reads them back by seq, by incident and up to a seq', async () => {
      const { log, cleanup } = await open();
      await appendEvents(log, [opened(1, 1_000), opened(2, 2_000), note(3, 'INC-1', 3_000)], 3);
      await appendEvents(log, [note(4, 'INC-1', 4_000)], 3);
      expect(await log.lastSeq()).toBe(4);
      expect((await log.eventsAfter(1, 2)).map((event) => event.seq)).toEqual([2, 3]);
      expect((await log.eventsOfIncident('INC-1')).map((event) => event.seq)).toEqual([1, 3, 4]);
      expect((await log.eventsOfIncident('INC-1', 3)).map((event) => event.seq)).toEqual([1, 3]);
      await log.close();
      cleanup();
    });

    it('finds incidents by opening time, a page at a time, from a cursor', async () => {
      const { log, cleanup } = await open();
      // Three incidents open in the same millisecond: a page boundary must split them cleanly.
      await appendEvents(
        log,
        [
          opened(1, 500),
          opened(2, 1_000),
          opened(3, 1_000),
          opened(4, 1_000),
          note(5, 'INC-2', 1_500),
          opened(6, 9_000),
        ],
        7,
      );
      const first = await log.eventsOfIncidentsOpened(1_000, 5_000, 2, null);
      expect(first.map((event) => event.seq)).toEqual([2, 5, 3]);
      const rest = await log.eventsOfIncidentsOpened(1_000, 5_000, 10, { at: 1_000, seq: 3 });
      expect(rest.map((event) => event.seq)).toEqual([4]);
      await log.close();
      cleanup();
    });

    it('reads the events of some types since a time, oldest first, a page at a time', async () => {
      const { log, cleanup } = await open();
      await appendEvents(
        log,
        [
          opened(1, 500),
          note(2, 'INC-1', 900),
          opened(3, 1_000),
          note(4, 'INC-1', 1_200),
          opened(5, 2_000),
          // Written by a hub whose clock is behind: later in the log, earlier in time.
          note(6, 'INC-1', 950),
          opened(7, 2_100),
        ],
        8,
      );
      const types = ['incident_opened', 'note_added'] as const;
      const all = await log.eventsOfTypesSince(types, 900, 0, 100);
      expect(all.map((event) => event.seq)).toEqual([2, 3, 4, 5, 6, 7]);
      const first = await log.eventsOfTypesSince(types, 900, 0, 2);
      expect(first.map((event) => event.seq)).toEqual([2, 3]);
      const second = await log.eventsOfTypesSince(types, 900, 3, 2);
      expect(second.map((event) => event.seq)).toEqual([4, 5]);
      const last = await log.eventsOfTypesSince(types, 900, 5, 2);
      expect(last.map((event) => event.seq)).toEqual([6, 7]);
      expect(await log.eventsOfTypesSince(types, 900, 7, 2)).toEqual([]);
      expect((await log.eventsOfTypesSince(['note_added'], 0, 0, 100)).map((event) => event.seq)).toEqual([
        2, 4, 6,
      ]);
      expect(await log.eventsOfTypesSince([], 0, 0, 100)).toEqual([]);
      await log.close();
      cleanup();
    });

    it('keeps its identity, the incident counter and command answers across a restart', async () => {
      const { log, reopen, cleanup } = await open();
      const id = await log.logId();
      const { writer, commands } = await writerOn(log);
      await writer.submit((view) => [{ ...opened(0, 1_000), incidentId: view.newIncidentId() }]);
      const ack = { commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' };
      expect(await commands.execute(ack, user('dana'))).toEqual({ ok: true, seq: 2 });
      await writer.drain();
      await log.close();

      const again = await reopen();
      expect(await again.logId()).toBe(id);
      const second = await writerOn(again);
      expect(second.state.incident('INC-1')?.acknowledgedAt).not.toBeNull();
      const [event] = await second.writer.submit((view) => [
        { ...opened(0, 2_000, 'g9'), incidentId: view.newIncidentId() },
      ]);
      expect(event?.incidentId).toBe('INC-2');
      // A true replay gets the first answer and changes nothing.
      expect(await second.commands.execute(ack, user('dana'))).toEqual({ ok: true, seq: 2 });
      expect(await again.lastSeq()).toBe(3);
      await again.close();
      cleanup();
    });

    it('refuses a commandId replayed by someone else or with another body, and records nothing', async () => {
      const { log, cleanup } = await open();
      const { writer, commands } = await writerOn(log);
      await writer.submit((view) => [{ ...opened(0, 1_000), incidentId: view.newIncidentId() }]);
      const commandId = ulid();
      const first = await commands.execute(
        { commandId, type: 'add_note', incidentId: 'INC-1', text: 'db is back' },
        user('dana'),
      );
      expect(first).toEqual({ ok: true, seq: 2 });
      const stolen = await commands.execute(
        { commandId, type: 'add_note', incidentId: 'INC-1', text: 'db is back' },
        user('eve'),
      );
      expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const altered = await commands.execute(
        { commandId, type: 'add_note', incidentId: 'INC-1', text: 'something else' },
        user('dana'),
      );
      expect(altered).toMatchObject({ ok: false, error: { code: 'invalid' } });
      // The same action spelt differently (keys in another order) is the same action.
      const replay = await commands.execute(
        { text: 'db is back', incidentId: 'INC-1', type: 'add_note', commandId },
        user('dana'),
      );
      expect(replay).toEqual(first);
      expect(await log.lastSeq()).toBe(2);
      await log.close();
      cleanup();
    });

    it('writes nothing when the planning fails, and the next commit numbers on from the log', async () => {
      const { log, cleanup } = await open();
      await appendEvents(log, [opened(1, 1_000)], 2);
      await expect(
        log.commit({ afterSeq: 1, commandIds: [] }, async () => {
          throw new Error('planning failed');
        }),
      ).rejects.toThrow('planning failed');
      expect(await log.lastSeq()).toBe(1);
      await appendEvents(log, [note(2, 'INC-1', 2_000)], 2);
      expect(await log.lastSeq()).toBe(2);
      await log.close();
      cleanup();
    });

    it('writes nothing when the store refuses the write itself, and commits on afterwards', async () => {
      const { log, reopen, cleanup } = await open();
      await appendEvents(log, [opened(1, 1_000)], 2);
      // Seq 1 is taken: the insert fails in the database, after the plan (PostgreSQL's COMMIT is
      // already on its way behind it; the transaction must end rolled back, its lock let go of).
      await expect(
        log.commit({ afterSeq: 1, commandIds: [] }, async () => ({
          events: [note(2, 'INC-1', 2_000), { ...note(3, 'INC-1', 3_000), seq: 1 }],
          commands: [],
          nextIncidentNumber: 2,
        })),
      ).rejects.toThrow();
      expect(await log.lastSeq()).toBe(1);
      await appendEvents(log, [note(2, 'INC-1', 2_000)], 2);
      // Another hub on the same store commits too (on PostgreSQL it needs the write lock).
      const other = await reopen();
      await appendEvents(other, [note(3, 'INC-1', 3_000)], 2);
      expect((await log.eventsAfter(0, 10)).map((event) => event.seq)).toEqual([1, 2, 3]);
      await other.close();
      await log.close();
      cleanup();
    });

    it('returns the newest readable snapshot, passing over one that does not parse', async () => {
      const { log, corruptSnapshot, cleanup } = await open();
      expect(await log.latestSnapshot()).toBeNull();
      const incident = { id: 'INC-1', status: 'investigating', alerts: {} };
      await log.saveSnapshot(5, JSON.stringify({ seq: 5, incidents: [incident] }));
      await log.saveSnapshot(7, JSON.stringify({ seq: 7, incidents: [incident] }));
      expect(await log.latestSnapshot()).toMatchObject({ seq: 7 });
      await corruptSnapshot(9);
      expect(await log.latestSnapshot()).toMatchObject({ seq: 7, incidents: [{ id: 'INC-1' }] });
      await log.close();
      cleanup();
    });
  });

  it.runIf(name === 'PostgreSQL' && !skip)(
    'serialises commits from several hubs into one gap-free order, each planning on what the others wrote',
    async () => {
      const { log: first, reopen, cleanup } = await open();
      const hubs = [first, await reopen(), await reopen()];
      const writers = await Promise.all(hubs.map((log) => writerOn(log)));
      // 3 hubs × 40 commits of a new incident each, all at once.
      await Promise.all(
        writers.flatMap(({ writer }, hub) =>
          Array.from({ length: 40 }, (_, i) =>
            writer.submit((view) => [
              { ...opened(0, 1_000, `h${hub}-${i}`), incidentId: view.newIncidentId() },
            ]),
          ),
        ),
      );
      const events = await first.eventsAfter(0, 1_000);
      expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      // The incident counter is shared too: 120 different ids.
      expect(new Set(events.map((event) => event.incidentId)).size).toBe(120);
      for (const log of hubs) await log.close();
      cleanup();
    },
  );
});
