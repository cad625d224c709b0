import pg from 'pg';
import type { HubEvent } from '../../shared/events';
import { newOpenKey, type RunningHub, type StartHubOptions, startHub } from './hub';
import { startPostgres, type ThrowawayPostgres } from './postgres';

// Several real hub processes on one throwaway PostgreSQL, for the cluster tests: each hub is
// `npm run hub` with --database-url, started and killed like any other hub process.

export interface TestCluster {
  readonly postgres: ThrowawayPostgres;
  readonly databaseUrl: string;
  readonly hubs: RunningHub[];
  /** Starts one more hub on the same database (reached at `databaseUrl`, a relay's, if given). */
  addHub(options?: ClusterHubOptions): Promise<RunningHub>;
  /** The whole log, read straight from PostgreSQL. */
  log(): Promise<HubEvent[]>;
  /** Kills every hub and removes the database server. */
  destroy(): Promise<void>;
}

export interface ClusterHubOptions extends StartHubOptions {
  /** The database as this hub reaches it, if not straight (through a relay a test can cut). */
  readonly databaseUrl?: string;
}

let clusters = 0;

export async function startCluster(hubCount: number, options: StartHubOptions = {}): Promise<TestCluster> {
  const postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase(`cluster${++clusters}`);
  const hubs: RunningHub[] = [];
  // One open-mode key for all: a console that fails over to another hub presents the same key, as
  // the desktop app's consoles would if it started several hubs.
  const openKey = options.openKey ?? newOpenKey();
  const addHub = async (extra: ClusterHubOptions = {}): Promise<RunningHub> => {
    const hub = await startHub({
      openKey,
      ...options,
      ...extra,
      args: [
        '--database-url',
        extra.databaseUrl ?? databaseUrl,
        ...(options.args ?? []),
        ...(extra.args ?? []),
      ],
    });
    hubs.push(hub);
    return hub;
  };
  try {
    // One at a time: the first runs the migrations (the others would wait on its lock anyway).
    for (let i = 0; i < hubCount; i++) await addHub();
  } catch (error) {
    await Promise.all(hubs.map((hub) => hub.kill()));
    postgres.destroy();
    throw error;
  }
  return {
    postgres,
    databaseUrl,
    hubs,
    addHub,
    async log() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const result = await client.query<{ body: string }>('SELECT body FROM events ORDER BY seq');
        return result.rows.map((row) => JSON.parse(row.body) as HubEvent);
      } finally {
        await client.end();
      }
    },
    async destroy() {
      await Promise.all(hubs.map((hub) => hub.kill()));
      postgres.destroy();
    },
  };
}

/** The hub that says it leads (/healthz), among those still running. */
export async function leaderOf(hubs: ReadonlyArray<RunningHub>): Promise<RunningHub | undefined> {
  for (const hub of hubs) {
    if (hub.process.exitCode !== null || hub.process.signalCode !== null) continue;
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { leading: boolean };
    if (health.leading) return hub;
  }
  return undefined;
}

/** Waits for one of the cluster's hubs to lead; returns it and another. */
export async function leaderAndFollower(
  cluster: Pick<TestCluster, 'hubs'>,
): Promise<{ leader: RunningHub; follower: RunningHub }> {
  await eventually(async () => (await leaderOf(cluster.hubs)) !== undefined, 'a leader');
  const leader = (await leaderOf(cluster.hubs)) as RunningHub;
  return { leader, follower: cluster.hubs.find((hub) => hub !== leader) as RunningHub };
}

/** Polls `check` until it returns true; fails naming `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string | (() => string),
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
