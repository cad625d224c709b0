import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { CommandRow, EventRow } from './event-log';
import { PgLog } from './postgres/pg-log';
import { insertCommands, insertEvents, inTransaction } from './postgres/pg-rows';
import { LOCKS } from './postgres/pg-schema';
import { SQLITE_FILE } from './sqlite/sqlite-log';

// Moves a single hub's history into PostgreSQL, so it can grow into several hubs: every event
// with its seq, every command answer, the incident counter, the newest snapshot and the log's
// identity (consoles that knew the old hub carry on with a delta, not a fresh snapshot). One
// transaction under the write lock: it lands whole or not at all, and no hub writes meanwhile.
// A database that holds a log, or that a hub already runs on, is refused.
// What the SQLite file holds is only read, under its exclusive lock, so a hub still running on
// it is refused (a log a killed hub left with its -wal is recovered first, as a hub's start would).

/** Rows copied per INSERT. */
const PAGE = 5_000;

export interface CopyReport {
  readonly events: number;
  readonly commands: number;
  readonly lastSeq: number;
  readonly logId: string;
}

export class CopyRefused extends Error {}

export async function copySqliteToPostgres(
  dataDir: string,
  databaseUrl: string,
  report: (line: string) => void = () => {},
): Promise<CopyReport> {
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file))
    throw new CopyRefused(`${file} does not exist: is --data-dir the hub's data directory?`);
  const source = openStopped(file, report);
  let log: PgLog;
  try {
    log = await PgLog.open(databaseUrl, 'copy', report);
  } catch (error) {
    closeSource(source);
    throw error;
  }
  try {
    return await inTransaction(
      log.pool,
      async (client) => {
        const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
        if (Number(existing.rows[0]?.n) > 0) {
          throw new CopyRefused(`${log.location} already holds a log: copy into an empty database`);
        }
        const running = await hubsRunningOn(client);
        if (running.length > 0) {
          const them = running.length === 1 ? `hub ${running[0]} is` : `hubs ${running.join(', ')} are`;
          throw new CopyRefused(
            `${them} running on ${log.location}: stop every hub on it first (the copy would change the log's identity under them), then start them after the copy`,
          );
        }
        let events = 0;
        let lastSeq = 0;
        const pageOfEvents = source.prepare(
          'SELECT seq, at, type, incident_id, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
        );
        for (;;) {
          const rows = pageOfEvents.raw().all(lastSeq, PAGE) as EventRow[];
          if (rows.length === 0) break;
          await insertEvents(client, rows);
          events += rows.length;
          lastSeq = rows[rows.length - 1]?.[0] ?? lastSeq;
          if (events % 50_000 < PAGE) report(`copied ${events} events (seq ${lastSeq})`);
        }
        // Hubs before body hashes kept none: those commands are copied without one.
        const hasHash = (source.prepare('PRAGMA table_info(commands)').all() as Array<{ name: string }>).some(
          (column) => column.name === 'body_sha256',
        );
        const commands = source
          .prepare(
            `SELECT command_id, user_id, ${hasHash ? 'body_sha256' : 'NULL'}, at, answer FROM commands`,
          )
          .raw()
          .all() as CommandRow[];
        for (let i = 0; i < commands.length; i += PAGE)
          await insertCommands(client, commands.slice(i, i + PAGE));
        const meta = new Map(
          source.prepare('SELECT key, value FROM meta').raw().all() as Array<[string, string]>,
        );
        for (const key of ['hub_id', 'next_incident_number']) {
          const value = meta.get(key);
          if (value === undefined) continue;
          await client.query(
            'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
            [key, value],
          );
        }
        const snapshot = source.prepare('SELECT seq, body FROM snapshots ORDER BY seq DESC LIMIT 1').get() as
          | { seq: number; body: string }
          | undefined;
        if (snapshot)
          await client.query('INSERT INTO snapshots (seq, body) VALUES ($1, $2)', [
            snapshot.seq,
            snapshot.body,
          ]);
        return { events, commands: commands.length, lastSeq, logId: meta.get('hub_id') ?? '' };
      },
      LOCKS.write,
    );
  } finally {
    closeSource(source);
    await log.close();
  }
}

/**
 * Hubs with a session on this database (each has a listening and a leadership session, named by
 * its instance; the copy's own are `sitroom-hub copy`). One running on the empty log gave it an
 * identity of its own at start and keeps it in memory: the copy would bring the single hub's
 * under it, and the hubs, and the consoles that knew the single hub, would disagree on the log.
 */
async function hubsRunningOn(client: pg.PoolClient): Promise<string[]> {
  const sessions = await client.query<{ instance: string }>(
    `SELECT DISTINCT substring(application_name from '^sitroom-hub (\\S+) (?:leader|listener)$') AS instance
     FROM pg_stat_activity
     WHERE datname = current_database() AND application_name ~ '^sitroom-hub \\S+ (leader|listener)$'
     ORDER BY 1`,
  );
  return sessions.rows.map((row) => row.instance);
}

/**
 * The stopped hub's log, held for the whole copy: every read below is in one transaction, so the
 * copy is the log as it stood at one moment. A hub still running on the folder would go on taking
 * alerts that the copy leaves behind, so it is refused: the copy takes SQLite's exclusive lock,
 * which a hub holding the file open does not give up (and a hub started meanwhile waits for).
 * Where the file cannot be opened for writing (a read-only copy, another user's folder) it is
 * read without that check, and the copy says so.
 */
function openStopped(file: string, report: (line: string) => void): Database.Database {
  let source: Database.Database;
  try {
    source = new Database(file, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    if (!isReadOnly(error)) throw error;
    report(`${file} is read-only here: copying it without checking that no hub is running on it`);
    source = new Database(file, { readonly: true, fileMustExist: true });
    source.exec('BEGIN');
    return source;
  }
  try {
    source.pragma('locking_mode = EXCLUSIVE');
    source.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    source.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new CopyRefused(
        `a hub is running on ${file}: stop it first (what it took after the copy would be left behind)`,
      );
    if (!isReadOnly(error)) throw error;
    report(`${file} is read-only here: copying it without checking that no hub is running on it`);
    source = new Database(file, { readonly: true, fileMustExist: true });
    source.exec('BEGIN');
  }
  return source;
}

function isReadOnly(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES';
}

/** Ends the copy's read transaction (nothing was written to the file) and lets go of it. */
function closeSource(source: Database.Database): void {
  try {
    if (source.inTransaction) source.exec('ROLLBACK');
  } finally {
    source.close();
  }
}
