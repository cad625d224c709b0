import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
`;

export class EventStore {
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly setMeta: Database.Statement;
  private readonly appendTx: (events: ReadonlyArray<HubEvent>, nextIncidentNumber: number) => void;

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
    this.appendTx = this.db.transaction((events: ReadonlyArray<HubEvent>, nextIncidentNumber: number) => {
      for (const event of events) {
        this.insertEvent.run(event.seq, event.at, event.type, event.incidentId, JSON.stringify(event));
      }
      this.setMeta.run('next_incident_number', String(nextIncidentNumber));
    });
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

  /** Appends events (already numbered) in one durable transaction: the group commit. */
  append(events: ReadonlyArray<HubEvent>, nextIncidentNumber: number): void {
    this.appendTx(events, nextIncidentNumber);
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
