import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CommandAnswer } from '../../shared/commands';
import type { Incident } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';

// The hub's durable memory: an append-only event log with a gap-free seq, plus occasional
// snapshots of the folded state so a restart does not replay the whole history. SQLite in WAL
// mode with synchronous=FULL: a 2xx to monitoring means the alert survives even a power cut.

export interface StoredSnapshot {
  readonly seq: number;
  readonly incidents: ReadonlyArray<Incident>;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_by_incident ON events (incident_id, seq);
  CREATE INDEX IF NOT EXISTS events_by_type_at ON events (type, at);
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS commands (
    command_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    answer TEXT NOT NULL
  );
`;

/** Where a read of incidents by opening time stopped: the incident_opened event of the last one. */
export interface OpenedCursor {
  readonly at: number;
  readonly seq: number;
}

/** A command's first answer, kept so a replay of the same commandId gets it again. */
export interface CommandRecord {
  readonly commandId: string;
  readonly userId: string;
  readonly at: number;
  readonly answer: CommandAnswer;
}

export class EventStore {
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly setMeta: Database.Statement;
  private readonly insertCommand: Database.Statement;
  private readonly selectCommand: Database.Statement;
  private readonly selectOpenedIn: Database.Statement;
  private readonly appendTx: (
    events: ReadonlyArray<HubEvent>,
    nextIncidentNumber: number,
    commands: ReadonlyArray<CommandRecord>,
  ) => void;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'sitroom-hub.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (seq, at, type, incident_id, body) VALUES (?, ?, ?, ?, ?)',
    );
    this.setMeta = this.db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.insertCommand = this.db.prepare(
      'INSERT INTO commands (command_id, user_id, at, answer) VALUES (?, ?, ?, ?)',
    );
    this.selectCommand = this.db.prepare('SELECT answer FROM commands WHERE command_id = ?');
    // Incidents by opening time through events_by_type_at (its entries are in (at, seq) order, seq
    // being the rowid), then each one's events through events_by_incident: SQLite sorts only each
    // incident's few events, never the range. The keyset (at, seq) lets a page start mid-millisecond.
    this.selectOpenedIn = this.db.prepare(`
      SELECT e.body FROM (
        SELECT incident_id, at, seq FROM events
        WHERE type = 'incident_opened' AND at < @to AND (at, seq) > (@afterAt, @afterSeq)
        ORDER BY at, seq LIMIT @limit
      ) AS o
      JOIN events AS e ON e.incident_id = o.incident_id
      ORDER BY o.at, o.seq, e.seq`);
    this.appendTx = this.db.transaction(
      (
        events: ReadonlyArray<HubEvent>,
        nextIncidentNumber: number,
        commands: ReadonlyArray<CommandRecord>,
      ) => {
        for (const event of events) {
          this.insertEvent.run(event.seq, event.at, event.type, event.incidentId, JSON.stringify(event));
        }
        for (const command of commands) {
          this.insertCommand.run(
            command.commandId,
            command.userId,
            command.at,
            JSON.stringify(command.answer),
          );
        }
        this.setMeta.run('next_incident_number', String(nextIncidentNumber));
      },
    );
  }

  /** This hub's identity: consoles holding state from another (or a wiped) hub start over. */
  hubId(): string {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('hub_id') as
      | { value: string }
      | undefined;
    if (row) return row.value;
    const id = randomUUID();
    this.setMeta.run('hub_id', id);
    return id;
  }

  /** Appends events (already numbered) and command answers in one durable transaction: the group commit. */
  append(
    events: ReadonlyArray<HubEvent>,
    nextIncidentNumber: number,
    commands: ReadonlyArray<CommandRecord> = [],
  ): void {
    this.appendTx(events, nextIncidentNumber, commands);
  }

  /** The answer given the first time this commandId was seen, if it was. */
  commandAnswer(commandId: string): CommandAnswer | null {
    const row = this.selectCommand.get(commandId) as { answer: string } | undefined;
    return row ? (JSON.parse(row.answer) as CommandAnswer) : null;
  }

  lastSeq(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  nextIncidentNumber(): number {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('next_incident_number') as
      | { value: string }
      | undefined;
    return row ? Number(row.value) : 1;
  }

  /** Events after `afterSeq`, oldest first, at most `limit`. */
  eventsAfter(afterSeq: number, limit = Number.MAX_SAFE_INTEGER): HubEvent[] {
    const rows = this.db
      .prepare('SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(afterSeq, limit) as Array<{ body: string }>;
    return rows.map((row) => JSON.parse(row.body) as HubEvent);
  }

  /** The timeline of one incident, oldest first. */
  eventsOfIncident(incidentId: string): HubEvent[] {
    const rows = this.db
      .prepare('SELECT body FROM events WHERE incident_id = ? ORDER BY seq')
      .all(incidentId) as Array<{ body: string }>;
    return rows.map((row) => JSON.parse(row.body) as HubEvent);
  }

  /**
   * The events of up to `limit` incidents opened in [from, to) after `after` (or from the start),
   * grouped by incident in opening order, each incident's oldest first. Rows are read one at a time,
   * so a caller folding incident by incident never holds a range's events; the caller must finish
   * (or return from) the iteration before anything else uses the database.
   */
  *eventsOfIncidentsOpened(
    from: number,
    to: number,
    limit: number,
    after: OpenedCursor | null = null,
  ): Generator<HubEvent> {
    const start = after ?? { at: from, seq: 0 };
    const rows = this.selectOpenedIn.iterate({
      to,
      afterAt: Math.max(start.at, from),
      afterSeq: start.at < from ? 0 : start.seq,
      limit,
    }) as IterableIterator<{ body: string }>;
    for (const row of rows) yield JSON.parse(row.body) as HubEvent;
  }

  latestSnapshot(): StoredSnapshot | null {
    const row = this.db.prepare('SELECT body FROM snapshots ORDER BY seq DESC LIMIT 1').get() as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as StoredSnapshot) : null;
  }

  /** Saves the folded state at `snapshot.seq` and forgets older snapshots (the log keeps everything). */
  saveSnapshot(snapshot: StoredSnapshot): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO snapshots (seq, body) VALUES (?, ?)')
        .run(snapshot.seq, JSON.stringify(snapshot));
      this.db.prepare('DELETE FROM snapshots WHERE seq < ?').run(snapshot.seq);
    })();
  }

  close(): void {
    this.db.close();
  }
}
