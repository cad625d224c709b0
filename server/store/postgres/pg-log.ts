import pg from 'pg';
import type { CommandAnswer } from '../../../shared/commands';
import type { HubEvent } from '../../../shared/events';
import {
  type CommitRequest,
  type CommitView,
  type CommitWrite,
  type EventLog,
  isEmpty,
  type KnownCommand,
  type OpenedCursor,
  parseSnapshot,
  type StoredSnapshot,
} from '../event-log';
import { LOCKS, LOG_CHANNEL, migratePostgres } from './pg-schema';

// The log shared by several hubs. A commit takes a transaction-level advisory lock, so commits
// from every hub are serialised and seq stays one gap-free order; under the lock it reads what
// the others committed since this hub's seq, the answers already given to the batch's commands
// and the incident counter, lets the hub plan against that, writes, and NOTIFYs the new last seq
// (delivered to the other hubs when the transaction commits). A batch is a handful of round
// trips whatever its size (rows go in as arrays through unnest), so group commit keeps paying.

/** How long a hub waits for a connection before a commit fails (and ingest answers 503). */
const CONNECT_TIMEOUT_MS = 5_000;
/** Longest a single statement may take; a commit holding the write lock must not hang for ever. */
const STATEMENT_TIMEOUT_MS = 15_000;

export class PgLog implements EventLog {
  readonly kind = 'postgresql' as const;
  readonly location: string;

  private constructor(
    readonly pool: pg.Pool,
    readonly url: string,
    private readonly instance: string,
    private readonly report: (line: string) => void,
  ) {
    this.location = describeUrl(url);
  }

  /** Connects, runs the migrations and returns the log. */
  static async open(url: string, instance: string, report: (line: string) => void): Promise<PgLog> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 8,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      // A hub that stops mid-transaction must not hold the write lock for long.
      idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
      application_name: `sitroom-hub ${instance}`,
      keepAlive: true,
    });
    // An idle connection dropped by the server (PostgreSQL restarting) is an event, not a crash:
    // the next query gets a new connection, or fails and the hub says it is degraded.
    pool.on('error', (error) => report(`store: a PostgreSQL connection failed: ${error.message}`));
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return new PgLog(pool, url, instance, report);
  }

  async logId(): Promise<string> {
    const result = await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'hub_id'");
    const id = result.rows[0]?.value;
    if (!id) throw new Error('the database has no hub_id: was it migrated?');
    return id;
  }

  async commit(request: CommitRequest, build: (view: CommitView) => Promise<CommitWrite>): Promise<void> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.write]);
      const missed = await client.query<{ body: string }>(
        'SELECT body FROM events WHERE seq > $1 ORDER BY seq',
        [request.afterSeq],
      );
      const commands = new Map<string, KnownCommand>();
      if (request.commandIds.length > 0) {
        const known = await client.query<{
          command_id: string;
          user_id: string;
          body_sha256: string | null;
          answer: string;
        }>('SELECT command_id, user_id, body_sha256, answer FROM commands WHERE command_id = ANY($1)', [
          request.commandIds,
        ]);
        for (const row of known.rows) {
          commands.set(row.command_id, {
            userId: row.user_id,
            bodySha256: row.body_sha256,
            answer: JSON.parse(row.answer) as CommandAnswer,
          });
        }
      }
      const counter = await client.query<{ value: string }>(
        "SELECT value FROM meta WHERE key = 'next_incident_number'",
      );
      const write = await build({
        missed: parseRows(missed.rows),
        commands,
        nextIncidentNumber: Number(counter.rows[0]?.value ?? 1),
      });
      if (isEmpty(write) && !request.probe) {
        await client.query('ROLLBACK'); // nothing to write: no WAL flush, and the lock is released
        return;
      }
      await this.write(client, write);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => {
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async lastSeq(): Promise<number> {
    const result = await this.pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM events');
    return Number(result.rows[0]?.seq ?? 0);
  }

  async eventsAfter(afterSeq: number, limit: number): Promise<HubEvent[]> {
    const result = await this.pool.query<{ body: string }>(
      'SELECT body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2',
      [afterSeq, limit],
    );
    return parseRows(result.rows);
  }

  async eventsOfIncident(incidentId: string, throughSeq = Number.MAX_SAFE_INTEGER): Promise<HubEvent[]> {
    const result = await this.pool.query<{ body: string }>(
      'SELECT body FROM events WHERE incident_id = $1 AND seq <= $2 ORDER BY seq',
      [incidentId, throughSeq],
    );
    return parseRows(result.rows);
  }

  async eventsOfIncidentsOpened(
    from: number,
    to: number,
    limit: number,
    after: OpenedCursor | null,
  ): Promise<HubEvent[]> {
    const start = after ?? { at: from, seq: 0 };
    const result = await this.pool.query<{ body: string }>(
      `SELECT e.body FROM (
         SELECT incident_id, at, seq FROM events
         WHERE type = 'incident_opened' AND at < $1 AND (at, seq) > ($2, $3)
         ORDER BY at, seq LIMIT $4
       ) AS o
       JOIN events AS e ON e.incident_id = o.incident_id
       ORDER BY o.at, o.seq, e.seq`,
      [to, Math.max(start.at, from), start.at < from ? 0 : start.seq, limit],
    );
    return parseRows(result.rows);
  }

  async latestSnapshot(): Promise<StoredSnapshot | null> {
    const result = await this.pool.query<{ seq: string; body: string }>(
      'SELECT seq, body FROM snapshots ORDER BY seq DESC',
    );
    for (const row of result.rows) {
      const snapshot = parseSnapshot(row.body);
      if (typeof snapshot !== 'string') return snapshot;
      this.report(
        `store: the snapshot at seq ${row.seq} is unreadable (${snapshot}); replaying the log instead`,
      );
    }
    return null;
  }

  async saveSnapshot(seq: number, body: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO snapshots (seq, body) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET body = excluded.body',
        [seq, body],
      );
      await client.query('DELETE FROM snapshots WHERE seq < $1', [seq]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async write(client: pg.PoolClient, write: CommitWrite): Promise<void> {
    const { events, commands } = write;
    if (events.length > 0) {
      await client.query(
        `INSERT INTO events (seq, at, type, incident_id, body)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])`,
        [
          events.map((event) => event.seq),
          events.map((event) => event.at),
          events.map((event) => event.type),
          events.map((event) => event.incidentId),
          events.map((event) => JSON.stringify(event)),
        ],
      );
    }
    if (commands.length > 0) {
      await client.query(
        `INSERT INTO commands (command_id, user_id, body_sha256, at, answer)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[])`,
        [
          commands.map((command) => command.commandId),
          commands.map((command) => command.userId),
          commands.map((command) => command.bodySha256),
          commands.map((command) => command.at),
          commands.map((command) => JSON.stringify(command.answer)),
        ],
      );
    }
    await client.query(
      `INSERT INTO meta (key, value) VALUES ('next_incident_number', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(write.nextIncidentNumber)],
    );
    const last = events[events.length - 1];
    if (last) await client.query('SELECT pg_notify($1, $2)', [LOG_CHANNEL, `${this.instance} ${last.seq}`]);
  }
}

function parseRows(rows: ReadonlyArray<{ body: string }>): HubEvent[] {
  return rows.map((row) => JSON.parse(row.body) as HubEvent);
}

/** The URL without its password, for logs and /healthz. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgresql (unparsable URL)';
  }
}
