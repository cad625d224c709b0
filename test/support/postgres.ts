import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './hub';

// A throwaway PostgreSQL for tests: its own cluster (initdb) in a temporary folder, on a free
// loopback port, started and stopped with pg_ctl, removed afterwards. PostgreSQL refuses to run
// as root, so as root (CI) the cluster belongs to the `postgres` user that Debian's package
// creates and every command runs through runuser. Tests that need it skip, saying why, where
// PostgreSQL is not installed (.ci/run installs it).

const BIN_ROOT = '/usr/lib/postgresql';

/** Debian's PostgreSQL binaries (the newest version installed), or null. */
export function postgresBin(): string | null {
  if (!existsSync(BIN_ROOT)) return null;
  const versions = readdirSync(BIN_ROOT)
    .filter((name) => existsSync(join(BIN_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(BIN_ROOT, versions[0], 'bin') : null;
}

/** The major version of the PostgreSQL the tests run (the newest installed), or null. */
export function postgresVersion(): number | null {
  const bin = postgresBin();
  return bin ? Number(/\/(\d+)\/bin$/.exec(bin)?.[1] ?? 0) || null : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  if (!postgresBin())
    return `PostgreSQL is not installed (${BIN_ROOT}/<version>/bin/initdb): sudo apt-get install postgresql`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no postgres user to run PostgreSQL as';
  return null;
}

export interface ThrowawayPostgres {
  readonly port: number;
  /** The folder of its Unix socket (libpq's host for a local connection). */
  readonly socketDir: string;
  /** postgres://sitroom@127.0.0.1:PORT/<name> for a new, empty database. */
  createDatabase(name: string): Promise<string>;
  /** pg_ctl stop: `fast` ends sessions and checkpoints; `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Starts it again on the same port, with the same data. */
  start(): void;
  /** Stops it (if running) and removes its folder. */
  destroy(): void;
  /** The server's log so far, for failure messages. */
  log(): string;
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const root = mkdtempSync(join(tmpdir(), 'sitroom-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const run = (tool: string, args: ReadonlyArray<string>): void => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : [...args];
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: root });
    if (result.status !== 0) {
      throw new Error(
        `${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`,
      );
    }
  };
  const data = join(root, 'data');
  const logFile = join(root, 'server.log');
  run('initdb', ['-D', data, '-U', 'sitroom', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  let running = false;
  const start = (): void => {
    run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', options, 'start']);
    running = true;
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast'): void => {
    if (!running) return;
    run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    running = false;
  };
  start();
  const base = `postgres://sitroom@127.0.0.1:${port}`;
  return {
    port,
    socketDir: root,
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
    stop,
    start,
    destroy() {
      try {
        stop('immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}
