import { randomBytes } from 'node:crypto';
import { type Coordination, SoleHub } from '../cluster/coordination';
import type { HubOptions } from '../options';
import { dataFolderOnPostgresNote } from './data-folder-on-postgres';
import type { EventLog } from './event-log';
import type { FollowObserver } from './postgres/log-follower';
import { PgCoordination } from './postgres/pg-coordination';
import { PgLog } from './postgres/pg-log';
import { SqliteLog } from './sqlite/sqlite-log';
import type { StoreHealth } from './store-health';
import { uncopiedSqliteNote } from './uncopied-sqlite';

// Which store a hub runs on: SQLite in its data directory (the default: one hub, embedded), or
// the PostgreSQL at --database-url (any number of hubs sharing it).

export interface OpenedStore {
  readonly log: EventLog;
  readonly coordination: Coordination;
}

/** A name for this hub process, unique among the hubs sharing a log (logs, /healthz, leadership). */
export function instanceId(): string {
  return randomBytes(6).toString('hex');
}

export async function openStore(
  options: Pick<HubOptions, 'dataDir' | 'dataDirNamedBy' | 'databaseUrl'>,
  instance: string,
  deps: {
    configHash(): string;
    readonly health: StoreHealth;
    report(line: string): void;
    /** Told how following the other hubs goes (metrics); PostgreSQL only. */
    readonly follow?: FollowObserver;
  },
): Promise<OpenedStore> {
  if (!options.databaseUrl) {
    const log = new SqliteLog(options.dataDir, deps.report);
    try {
      await log.writerReady();
    } catch (error) {
      await log.close().catch(() => {});
      throw error;
    }
    return { log, coordination: new SoleHub(instance) };
  }
  const log = await PgLog.open(options.databaseUrl, instance, deps.report);
  const dataFolder = dataFolderOnPostgresNote(options.dataDir, options.dataDirNamedBy);
  if (dataFolder !== null) deps.report(dataFolder);
  const uncopied = uncopiedSqliteNote(options.dataDir, await log.logId());
  if (uncopied !== null) deps.report(uncopied);
  return {
    log,
    coordination: new PgCoordination(log, instance, deps.configHash, deps.health, deps.report, deps.follow),
  };
}
