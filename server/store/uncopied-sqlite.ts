import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from './sqlite/sqlite-log';

// A hub moved onto PostgreSQL keeps nothing in its data folder, and the systemd unit and the
// container image name one by default. A SQLite log left there is history the hub no longer
// shows: copied into PostgreSQL (copy-to-postgres keeps the log's identity), or forgotten. Said
// once at start when it was not copied, so a move that skipped the copy is noticed the first
// day, not at the first review that looks for last month's incidents.

/** The warning for `dataDir`'s SQLite log beside a PostgreSQL log named `postgresLogId`, or null. */
export function uncopiedSqliteNote(dataDir: string, postgresLogId: string): string | null {
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) return null;
  let logId: unknown;
  let lastSeq: unknown;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      logId = db.prepare("SELECT value FROM meta WHERE key = 'hub_id'").pluck().get();
      lastSeq = db.prepare('SELECT MAX(seq) FROM events').pluck().get();
    } finally {
      db.close();
    }
  } catch (error) {
    return `hub: ${file} is in the data folder but could not be read (${String(error)}); this hub runs on PostgreSQL and does not use it.`;
  }
  if (logId === postgresLogId || typeof lastSeq !== 'number' || lastSeq === 0) return null;
  return (
    `hub: ${file} holds a SQLite event log (${lastSeq} events) that this hub does not show: it runs ` +
    'on PostgreSQL, whose log is another one. If that history belongs with the rest, copy it in ' +
    'with copy-to-postgres (docs/several-hubs.md), which takes an empty database.'
  );
}
