import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Change } from '../../../shared/changes/change';
import type { CommandAnswer } from '../../../shared/commands';
import type { HubEvent, HubEventType } from '../../../shared/events';
import {
  type ChangesQuery,
  type CommitRequest,
  type CommitView,
  type CommitWrite,
  changeRows,
  commandRow,
  type EventLog,
  eventRow,
  isEmpty,
  type KnownCommand,
  type OpenedCursor,
  parseSnapshot,
  type StoredSnapshot,
} from '../event-log';
import { migrateSqlite } from './sqlite-schema';
import { SqliteWriterThread } from './sqlite-writer-thread';

// The embedded log: one hub, one file, WAL. Reads run here on the main thread's own connection
// (they are index look-ups, and a statistics page is bounded); every write goes to the writer
// thread, so the event loop never waits for an fsync. One hub per file: the writer thread
// refuses a commit numbered from anything but the file's last seq.

export const SQLITE_FILE = 'sitroom-hub.sqlite';

export class SqliteLog implements EventLog {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly writer: SqliteWriterThread;
  private nextIncidentNumber: number;
  private readonly selectCommand: Database.Statement;
  private readonly selectAfter: Database.Statement;
  private readonly selectOfIncident: Database.Statement;
  private readonly selectOpenedIn: Database.Statement;
  private readonly selectChanges: Database.Statement;
  private readonly selectOfTypesSince: Database.Statement;

  constructor(
    dataDir: string,
    private readonly log: (line: string) => void = console.error,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.location = join(dataDir, SQLITE_FILE);
    this.db = new Database(this.location);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    this.selectCommand = this.db.prepare(
      'SELECT user_id, body_sha256, answer FROM commands WHERE command_id = ?',
    );
    this.selectAfter = this.db.prepare('SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.selectOfIncident = this.db.prepare(
      'SELECT body FROM events WHERE incident_id = ? AND seq <= ? ORDER BY seq',
    );
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
    // One range scan of changes_by_service_at per service (the IN list is the incident's services
    // and their dependencies), merged and cut to the newest few.
    this.selectChanges = this.db.prepare(`
      SELECT body FROM changes
      WHERE service IN (SELECT value FROM json_each(@services)) AND at >= @from AND at <= @to
      ORDER BY at DESC, seq DESC LIMIT @limit`);
    // One page: the seqs come from events_by_type_at alone (a covering range scan per type, seq
    // being the rowid), and only the page's bodies are read. INDEXED BY, because a walk of the
    // rowid from @afterSeq, which ORDER BY seq tempts the planner to, would read the whole history
    // before the window on the first page.
    this.selectOfTypesSince = this.db.prepare(`
      SELECT body FROM events WHERE seq IN (
        SELECT seq FROM events INDEXED BY events_by_type_at
        WHERE type IN (SELECT value FROM json_each(@types)) AND at >= @since AND seq > @afterSeq
        ORDER BY seq LIMIT @limit)
      ORDER BY seq`);
    this.nextIncidentNumber = Number(this.meta('next_incident_number') ?? 1);
    if (this.meta('hub_id') === undefined) this.setMeta('hub_id', randomUUID());
    this.writer = new SqliteWriterThread(this.location);
  }

  /**
   * Resolves once the writer thread has started and opened the file. A hub waits for this before
   * it says it is ready: the thread takes up to a few hundred ms to load (more from source, under
   * tsx), and the first alerts after a start would otherwise wait for it, or find it cannot open
   * the file only then.
   */
  async writerReady(): Promise<void> {
    await this.writer.request({ kind: 'ready' });
  }

  async logId(): Promise<string> {
    return this.meta('hub_id') as string;
  }

  async commit(request: CommitRequest, build: (view: CommitView) => Promise<CommitWrite>): Promise<void> {
    const commands = new Map<string, KnownCommand>();
    for (const id of request.commandIds) {
      const known = this.commandOf(id);
      if (known) commands.set(id, known);
    }
    // One hub writes this file, and it commits one batch at a time: nobody else's events to catch up on.
    const write = await build({
      missed: [],
      commands,
      nextIncidentNumber: this.nextIncidentNumber,
      leading: true,
    });
    if (isEmpty(write) && !request.probe) return;
    const steps = await this.writer.request({
      kind: 'commit',
      afterSeq: request.afterSeq,
      events: write.events.map(eventRow),
      changes: changeRows(write.events),
      commands: write.commands.map(commandRow),
      nextIncidentNumber: write.nextIncidentNumber,
      postedAt: performance.timeOrigin + performance.now(),
    });
    this.nextIncidentNumber = write.nextIncidentNumber;
    if (steps && request.timed) {
      request.timed('lock', Math.max(0, steps.lock) / 1000);
      request.timed('write', steps.write / 1000);
      request.timed('commit', steps.commit / 1000);
    }
  }

  async lastSeq(): Promise<number> {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  async eventsAfter(afterSeq: number, limit: number): Promise<HubEvent[]> {
    return parseRows(this.selectAfter.all(afterSeq, limit));
  }

  async eventsOfIncident(incidentId: string, throughSeq = Number.MAX_SAFE_INTEGER): Promise<HubEvent[]> {
    return parseRows(this.selectOfIncident.all(incidentId, throughSeq));
  }

  async eventsOfIncidentsOpened(
    from: number,
    to: number,
    limit: number,
    after: OpenedCursor | null,
  ): Promise<HubEvent[]> {
    const start = after ?? { at: from, seq: 0 };
    return parseRows(
      this.selectOpenedIn.all({
        to,
        afterAt: Math.max(start.at, from),
        afterSeq: start.at < from ? 0 : start.seq,
        limit,
      }),
    );
  }

  async eventsOfTypesSince(
    types: ReadonlyArray<HubEventType>,
    since: number,
    afterSeq: number,
    limit: number,
  ): Promise<HubEvent[]> {
    return parseRows(this.selectOfTypesSince.all({ types: JSON.stringify(types), since, afterSeq, limit }));
  }

  async changesIn(query: ChangesQuery): Promise<Change[]> {
    if (query.services.length === 0) return [];
    const rows = this.selectChanges.all({
      services: JSON.stringify(query.services),
      from: query.from,
      to: query.to,
      limit: query.limit,
    }) as Array<{ body: string }>;
    return rows.map((row) => JSON.parse(row.body) as Change);
  }

  async latestSnapshot(): Promise<StoredSnapshot | null> {
    const rows = this.db.prepare('SELECT seq, body FROM snapshots ORDER BY seq DESC').iterate() as Iterable<{
      seq: number;
      body: string;
    }>;
    for (const row of rows) {
      const snapshot = parseSnapshot(row.body);
      if (typeof snapshot !== 'string') return snapshot;
      this.log(
        `store: the snapshot at seq ${row.seq} is unreadable (${snapshot}); replaying the log instead`,
      );
    }
    return null;
  }

  async saveSnapshot(seq: number, body: string): Promise<void> {
    await this.writer.request({ kind: 'snapshot', seq, body });
  }

  async close(): Promise<void> {
    await this.writer.close();
    this.db.close();
  }

  private commandOf(commandId: string): KnownCommand | null {
    const row = this.selectCommand.get(commandId) as
      | { user_id: string; body_sha256: string | null; answer: string }
      | undefined;
    if (!row) return null;
    return {
      userId: row.user_id,
      bodySha256: row.body_sha256,
      answer: JSON.parse(row.answer) as CommandAnswer,
    };
  }

  private meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  private setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}

function parseRows(rows: unknown[]): HubEvent[] {
  return (rows as Array<{ body: string }>).map((row) => JSON.parse(row.body) as HubEvent);
}
