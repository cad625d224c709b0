import { createHash, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from './sqlite-log';

// An online backup of a running hub's SQLite log, through SQLite's backup API on a read-only
// connection of its own: the hub's writer thread keeps committing meanwhile. The API restarts a
// copy whenever another connection commits between two of its steps, so the pages are copied in
// one step (one read transaction): the copy is the log exactly as it stood at one commit, never
// a mix of two. The copy is written beside the target and renamed into place only once it has
// passed SQLite's integrity check, so a failed or interrupted backup never leaves a half file
// under the name that was asked for.
//
// The copy gets a log id of its own. A hub restored from it goes on from the backup's seq, so its
// seqs, delivery ids (built from seqs) and incident numbers repeat what the original did after
// the backup: under the original's id, a receiver would take a new page for a repeat of an old
// one and drop it, and a console would read the new history as the continuation of the one it
// holds, and send actions queued against the old INC-7 to the new one. Under a new id, consoles
// take a fresh board and refuse what they queued against the old history (shared/outbox.ts).

export interface BackupReport {
  readonly file: string;
  /** The last event in the copy: a hub restored from it has every event up to this seq. */
  readonly lastSeq: number;
  readonly events: number;
  /** logChecksum of the copy's events (sha256 over seq and body, in seq order). */
  readonly checksum: string;
  /** The copy's own log id (see the top of this file). */
  readonly logId: string;
  readonly bytes: number;
}

export class BackupRefused extends Error {}

/** Copies the hub's log in `dataDir` to `target` while the hub may be running. */
export async function backupSqlite(dataDir: string, target: string): Promise<BackupReport> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source))
    throw new BackupRefused(`${source} does not exist: is --data-dir the hub's data directory?`);
  if (existsSync(target)) throw new BackupRefused(`${target} exists already: choose a new file name`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Every step after the first copies all that is left (SQLite's largest page count).
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    const report = verifyCopy(partial);
    renameSync(partial, target);
    return { ...report, file: target };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Makes the copy one self-contained file (no WAL beside it) and checks it reads back whole. */
function verifyCopy(file: string): Omit<BackupReport, 'file'> {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`);
    const logId = randomUUID();
    copy
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('hub_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(logId);
    const { n, last } = copy.prepare('SELECT count(*) AS n, MAX(seq) AS last FROM events').get() as {
      n: number;
      last: number | null;
    };
    // seq is gap-free from 1: a copy with fewer events than its last seq is not the log.
    if ((last ?? 0) !== n) throw new Error(`the copy holds ${n} events but its last seq is ${last}`);
    const bytes = (
      copy
        .prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count, pragma_page_size')
        .get() as {
        bytes: number;
      }
    ).bytes;
    return { lastSeq: last ?? 0, events: n, checksum: logChecksum(copy), bytes, logId };
  } finally {
    copy.close();
  }
}

/**
 * A fingerprint of a log's events up to `throughSeq` (all by default): sha256 over each event's
 * seq and stored body, in seq order. Two logs with the same checksum hold the same history.
 */
export function logChecksum(db: Database.Database, throughSeq = Number.MAX_SAFE_INTEGER): string {
  const hash = createHash('sha256');
  const rows = db
    .prepare('SELECT seq, body FROM events WHERE seq <= ? ORDER BY seq')
    .raw()
    .iterate(throughSeq);
  for (const [seq, body] of rows as Iterable<[number, string]>) hash.update(`${seq}\n${body}\n`);
  return hash.digest('hex');
}
