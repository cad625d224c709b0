import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from './pg-rows';

// The PostgreSQL log's schema, as numbered migrations run at start. Every hub runs them; the
// first one to take the migration lock applies what is missing (recorded in schema_migrations,
// in one transaction: DDL is transactional in PostgreSQL), and the others find nothing to do.

/** Advisory lock keys (one bigint each; "7420" is the hub's port, to make them recognisable). */
export const LOCKS = {
  /** Held by the transaction that appends to the log: one writer at a time, so seq is gap-free. */
  write: 7420_0001,
  /** Held by the leader's session for as long as it leads. */
  leader: 7420_0002,
  /** Held while migrations run. */
  migrate: 7420_0003,
} as const;

/** The channel on which a commit says "the log now ends at seq N". */
export const LOG_CHANNEL = 'sitroom_log';

const MIGRATIONS: ReadonlyArray<string> = [
  // 1: the event log, meta, snapshots, command answers, and the hubs sharing the log.
  `CREATE TABLE events (
     seq BIGINT PRIMARY KEY,
     at BIGINT NOT NULL,
     type TEXT NOT NULL,
     incident_id TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX events_by_incident ON events (incident_id, seq);
   CREATE INDEX events_by_type_at ON events (type, at, seq);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE snapshots (seq BIGINT PRIMARY KEY, body TEXT NOT NULL);
   CREATE TABLE commands (
     command_id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     body_sha256 TEXT,
     at BIGINT NOT NULL,
     answer TEXT NOT NULL
   );
   CREATE TABLE hubs (
     instance TEXT PRIMARY KEY,
     config_hash TEXT NOT NULL,
     started_at BIGINT NOT NULL,
     seen_at BIGINT NOT NULL,
     leader BOOLEAN NOT NULL DEFAULT false
   );`,
  // 2: changes to services (change_recorded events, also in the log), for "what changed before
  // this incident": by service, then by when the change happened. Filled from the log for
  // databases that already hold change events (none do before this migration; kept for copies).
  `CREATE TABLE changes (
     seq BIGINT PRIMARY KEY,
     at BIGINT NOT NULL,
     service TEXT NOT NULL,
     kind TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX changes_by_service_at ON changes (service, at);`,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to the current schema and gives the log its identity if it has none. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  await inTransaction(
    pool,
    async (client) => {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const applied = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      const current = applied.rows[0]?.version ?? 0;
      if (current > MIGRATIONS.length) {
        throw new Error(
          `this database was written by a newer Sitroom (schema ${current}; this hub knows ${MIGRATIONS.length}): upgrade the hub`,
        );
      }
      for (let version = current + 1; version <= MIGRATIONS.length; version++) {
        await client.query(MIGRATIONS[version - 1] as string);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      }
      await client.query("INSERT INTO meta (key, value) VALUES ('hub_id', $1) ON CONFLICT (key) DO NOTHING", [
        randomUUID(),
      ]);
    },
    LOCKS.migrate,
  );
}
