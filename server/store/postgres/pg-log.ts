import pg from 'pg';
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
import { describeUrl } from './database-url';
import { noticesOf } from './log-notice';
import { columns, inTransaction } from './pg-rows';
import { LOCKS, LOG_CHANNEL, migratePostgres } from './pg-schema';

// The log shared by several hubs. A commit takes a transaction-level advisory lock, so commits
// from every hub are serialised and seq stays one gap-free order; under the lock it reads what
// the others committed since this hub's seq, the answers already given to the batch's commands
// and the incident counter, lets the hub plan against that, writes, and NOTIFYs what it wrote
// (log-notice.ts; delivered to the other hubs when the transaction commits). A batch is two or
// three round trips whatever its size (rows go in as arrays through unnest), so group commit keeps
// paying; every round trip is held under the lock all hubs share, so there are as few as can be,
// and the write goes with its COMMIT: the lock is held across one turn of this hub, not two.

/** How long a hub waits for a connection before a commit fails (and ingest answers 503). */
const CONNECT_TIMEOUT_MS = 5_000;
/** Longest a single statement may take; a commit holding the write lock must not hang for ever. */
const STATEMENT_TIMEOUT_MS = 15_000;
/**
 * Longest this hub waits for any answer on a pooled connection, whatever the server says: a
 * database that stops answering without closing the connection (frozen, or cut off by the network
 * with no reset) enforces no statement_timeout, so without this a commit, and every ingest request
 * queued behind it, would wait for ever rather than be answered 503. Past it the connection is
 * destroyed (its transaction ends, uncommitted, when the server notices). Longer than the
 * statement timeout, so a slow statement is cancelled by the server first, cleanly.
 */
export const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;
/**
 * TCP keepalives on every connection to PostgreSQL after this much quiet: a connection that a
 * firewall or load balancer dropped while idle (the listening one, on a quiet night) is found
 * dead and made again, rather than waiting, silent, for the operating system's two hours.
 */
export const KEEPALIVE_AFTER_MS = 10_000;

export class PgLog implements EventLog {
  readonly kind = 'postgresql' as const;
  readonly location: string;
  /**
   * The backend pid of this hub's leader session while it holds the leader's lock, else null:
   * set by the coordination (pg-coordination.ts), checked by every commit (leaderHeldBy).
   */
  leaderPid: number | null = null;

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
      query_timeout: QUERY_TIMEOUT_MS,
      application_name: `sitroom-hub ${instance}`,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS,
      // Queries are sent as they are made, not each after the previous one's answer: a commit
      // sends its write and COMMIT together (pg-rows.ts commitWith), so the write lock is let go
      // of by PostgreSQL itself rather than after one more turn of this process. Everything else
      // awaits each query before the next, which behaves as without it.
      pipeline: true,
    });
    // An idle connection dropped by the server (PostgreSQL restarting) is an event, not a crash:
    // the next query gets a new connection, or fails and the hub says it is degraded.
    pool.on('error', (error) => report(`store: a PostgreSQL connection failed: ${error.message}`));
    // The pool listens only to idle connections: one checked out (a commit between its statements,
    // a query whose answer is being read) that the server drops emits 'error' with nobody
    // listening, and that ends the process. Its query fails anyway, and the caller says so.
    pool.on('connect', (client) => {
      client.on('error', (error) => report(`store: a PostgreSQL connection in use failed: ${error.message}`));
    });
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end().catch(() => {});
      throw new StoreOpenError(describeUrl(url), error);
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
    // Two round trips for a batch without commands, whatever its size: begin, lock and read;
    // write and commit. With commands the read needs their ids as parameters: one more.
    const started = performance.now();
    let written = started;
    const afterSeq = Math.trunc(request.afterSeq);
    const readNow = request.commandIds.length === 0 && Number.isSafeInteger(afterSeq);
    // Read once: the coordination may change it while this commit waits for the write lock.
    // A follower has no leader work to fence, so it does not read pg_locks (a view that takes
    // every lock-manager partition's lock while it is read) on every commit.
    const leaderPid = this.leaderPid === null ? null : Math.trunc(this.leaderPid);
    await inTransaction(
      this.pool,
      async (client, opened, commitWith) => {
        const read =
          readNow && opened
            ? (opened as pg.QueryResult<{ part: number; body: string }>)
            : leaderPid === null
              ? await client.query<{ part: number; body: string }>(COMMIT_READ, [
                  request.afterSeq,
                  request.commandIds,
                ])
              : await client.query<{ part: number; body: string }>(COMMIT_READ_LEADING, [
                  request.afterSeq,
                  request.commandIds,
                  leaderPid,
                ]);
        const locked = performance.now();
        request.timed?.('lock', (locked - started) / 1000);
        const missed: HubEvent[] = [];
        const commands = new Map<string, KnownCommand>();
        let nextIncidentNumber = 1;
        let leading = false;
        for (const row of read.rows) {
          if (row.part === 0) missed.push(JSON.parse(row.body) as HubEvent);
          else if (row.part === 1) nextIncidentNumber = Number(row.body);
          else if (row.part === 3) leading = true;
          else {
            const [id, userId, bodySha256, answer] = JSON.parse(row.body) as [
              string,
              string,
              string | null,
              string,
            ];
            commands.set(id, { userId, bodySha256, answer: JSON.parse(answer) as CommandAnswer });
          }
        }
        const write = await build({ missed, commands, nextIncidentNumber, leading });
        // Nothing to write: the commit of a transaction that wrote nothing flushes no WAL.
        if (isEmpty(write) && !request.probe) return;
        const rows = write.events.map(eventRow);
        const events = columns(rows, 5);
        const answers = columns(write.commands.map(commandRow), 5);
        const changes = columns(changeRows(write.events), 5);
        const first = write.events[0];
        const last = write.events[write.events.length - 1];
        const notices =
          first && last
            ? noticesOf(
                this.instance,
                first.seq,
                last.seq,
                performance.timeOrigin + performance.now(),
                rows.map((row) => row[4]),
              )
            : [];
        // The write and its COMMIT in one go: under the lock all hubs share, PostgreSQL need not
        // wait for this hub to be scheduled again between them (on a busy machine, that wait was
        // most of the time the lock was held).
        await commitWith(
          COMMIT_WRITE,
          [...events, ...answers, String(write.nextIncidentNumber), LOG_CHANNEL, notices, ...changes],
          () => {
            written = performance.now();
            request.timed?.('write', (written - locked) / 1000);
          },
        );
      },
      LOCKS.write,
      readNow ? commitReadAfter(afterSeq, leaderPid) : undefined,
    );
    if (written > started) request.timed?.('commit', (performance.now() - written) / 1000);
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

  async eventsOfTypesSince(
    types: ReadonlyArray<HubEventType>,
    since: number,
    afterSeq: number,
    limit: number,
  ): Promise<HubEvent[]> {
    // The page's seqs from events_by_type_at (type, at, seq) alone; `seq + 0` keeps the planner
    // from walking the primary key from $3 instead, which on the first page would read the whole
    // history before the window.
    const result = await this.pool.query<{ body: string }>(
      `SELECT body FROM events WHERE seq IN (
         SELECT seq FROM events WHERE type = ANY($1) AND at >= $2 AND seq > $3
         ORDER BY seq + 0 LIMIT $4)
       ORDER BY seq`,
      [types, since, afterSeq, limit],
    );
    return parseRows(result.rows);
  }

  async changesIn(query: ChangesQuery): Promise<Change[]> {
    if (query.services.length === 0) return [];
    const result = await this.pool.query<{ body: string }>(
      `SELECT body FROM changes
       WHERE service = ANY($1) AND at >= $2 AND at <= $3
       ORDER BY at DESC, seq DESC LIMIT $4`,
      [query.services, query.from, query.to, query.limit],
    );
    return result.rows.map((row) => JSON.parse(row.body) as Change);
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
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO snapshots (seq, body) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET body = excluded.body',
        [seq, body],
      );
      await client.query('DELETE FROM snapshots WHERE seq < $1', [seq]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * What a commit reads under the lock, in one round trip: the events after $1 (part 0, in seq
 * order), the incident counter (part 1), and the answers already given to the commands $2 (part 2).
 */
const COMMIT_READ = `
  SELECT 0 AS part, seq, body FROM events WHERE seq > $1
  UNION ALL SELECT 1, 0, value FROM meta WHERE key = 'next_incident_number'
  UNION ALL SELECT 2, 0, json_build_array(command_id, user_id, body_sha256, answer)::text
    FROM commands WHERE command_id = ANY($2)
  ORDER BY part, seq`;

/** COMMIT_READ for the leader, which also asks whether its session holds the lock (part 3). */
const COMMIT_READ_LEADING = `
  SELECT 0 AS part, seq, body FROM events WHERE seq > $1
  UNION ALL SELECT 1, 0, value FROM meta WHERE key = 'next_incident_number'
  UNION ALL SELECT 2, 0, json_build_array(command_id, user_id, body_sha256, answer)::text
    FROM commands WHERE command_id = ANY($2)
  UNION ALL ${leaderHeldBy('$3')}
  ORDER BY part, seq`;

/**
 * A row (part 3) when the session `pid` holds the leader's lock: fencing for leader work. The
 * lock is a session's, and commits go through the pool, so the commit asks PostgreSQL whether
 * the leader's session still holds it, under the write lock: a leader whose session died while
 * its commit waited is no longer leading, whatever it has yet to notice. (A bigint advisory key
 * shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1.)
 */
function leaderHeldBy(pid: string): string {
  return `SELECT 3, 0, '' FROM pg_locks
    WHERE locktype = 'advisory' AND classid = 0 AND objid = ${LOCKS.leader} AND objsubid = 1
      AND granted AND pid = ${pid}`;
}

/**
 * COMMIT_READ for a batch without commands, with its one number written in, so it can follow
 * BEGIN and the lock in one simple query (which takes no parameters).
 */
function commitReadAfter(afterSeq: number, leaderPid: number | null): string {
  return `SELECT 0 AS part, seq, body FROM events WHERE seq > ${afterSeq}
    UNION ALL SELECT 1, 0, value FROM meta WHERE key = 'next_incident_number'
    ${leaderPid === null ? '' : `UNION ALL ${leaderHeldBy(String(leaderPid))}`}
    ORDER BY part, seq`;
}

/** What a commit writes, in one statement: events, command answers, changes, the counter, and the NOTIFYs (in order). */
const COMMIT_WRITE = `
  WITH new_events AS (
    INSERT INTO events (seq, at, type, incident_id, body)
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])
  ), new_commands AS (
    INSERT INTO commands (command_id, user_id, body_sha256, at, answer)
    SELECT * FROM unnest($6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[])
  ), new_changes AS (
    INSERT INTO changes (seq, at, service, kind, body)
    SELECT * FROM unnest($14::bigint[], $15::bigint[], $16::text[], $17::text[], $18::text[])
  ), counter AS (
    INSERT INTO meta (key, value) VALUES ('next_incident_number', $11)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value
  )
  SELECT pg_notify($12, notice) FROM unnest($13::text[]) AS notice`;

function parseRows(rows: ReadonlyArray<{ body: string }>): HubEvent[] {
  return rows.map((row) => JSON.parse(row.body) as HubEvent);
}

/**
 * The database could not be opened at start: one line for the person starting the hub, naming
 * the database (never its password) and what PostgreSQL or the network said.
 */
export class StoreOpenError extends Error {
  constructor(location: string, cause: unknown) {
    super(`cannot open the log in PostgreSQL at ${location}: ${reasonOf(cause)}`, { cause });
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  // pg's errors: a message, and for the server's own errors a hint worth passing on.
  const hint = (error as { hint?: unknown }).hint;
  const message = error.message || (typeof code === 'string' ? code : error.name);
  return typeof hint === 'string' && hint !== '' ? `${message} (${hint})` : message;
}
