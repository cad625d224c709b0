import type Database from 'better-sqlite3';

// The SQLite log's schema, as numbered migrations run at start (PRAGMA user_version says how many
// a file has had). Hubs before migrations existed created version 1 with CREATE IF NOT EXISTS, so
// version 1 is written the same way and is a no-op on their files.

const MIGRATIONS: ReadonlyArray<string> = [
  // 1: the event log, meta, snapshots and command answers.
  `CREATE TABLE IF NOT EXISTS events (
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
   );`,
  // 2: a command's body hash, so a commandId replayed with another body is refused.
  'ALTER TABLE commands ADD COLUMN body_sha256 TEXT;',
  // 3: changes to services (change_recorded events, also in the log), for "what changed before
  // this incident": by service, then by when the change happened.
  `CREATE TABLE changes (
     seq INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     service TEXT NOT NULL,
     kind TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX changes_by_service_at ON changes (service, at);`,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file to the current schema, each step in its own transaction. */
export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `this data directory was written by a newer Sitroom (schema ${current}; this hub knows ${MIGRATIONS.length}): upgrade the hub`,
    );
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] as string);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
