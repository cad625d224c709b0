import { parseArgs } from 'node:util';
import { checkDatabaseUrl } from './options';
import { CopyRefused, copySqliteToPostgres } from './store/copy-to-postgres';
import { StoreOpenError } from './store/postgres/pg-log';

// `copy-to-postgres --data-dir DIR --database-url URL`: moves a stopped single hub's history into
// an empty PostgreSQL database, after which any number of hubs can be started on it with
// --database-url. A command of the hub itself (server/main.ts), so the production build runs it
// where the data folder is (`node dist/server/hub.mjs copy-to-postgres …`, in the container or
// under systemd), with no source tree or tsx; `npm run copy-to-postgres` is the same from a
// checkout. The SQLite file is only read; keep it until you are happy.

/** Runs the copy, printing plain lines (a person's answer, not log records); the exit code. */
export async function runCopyCommand(
  argv: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  try {
    await copy(argv, env, out);
    return 0;
  } catch (error) {
    const known =
      error instanceof CopyRefused ||
      error instanceof StoreOpenError ||
      (error instanceof Error && 'code' in error);
    err(`sitroom copy-to-postgres: ${known ? (error as Error).message : String(error)}`);
    err('nothing was copied.');
    return error instanceof CopyRefused ? 2 : 1;
  }
}

async function copy(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv, out: (line: string) => void) {
  let values: { 'data-dir'?: string; 'database-url'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
    }));
  } catch (error) {
    throw new CopyRefused(`${(error as Error).message} (it takes --data-dir DIR and --database-url URL)`);
  }
  const dataDir = values['data-dir'] ?? env.SITROOM_DATA_DIR;
  const databaseUrl = values['database-url'] ?? env.SITROOM_DATABASE_URL;
  if (!dataDir || !databaseUrl) {
    throw new CopyRefused(
      "give the stopped hub's --data-dir and the PostgreSQL --database-url (an empty database)",
    );
  }
  try {
    checkDatabaseUrl(databaseUrl);
  } catch (error) {
    throw new CopyRefused((error as Error).message);
  }
  const started = Date.now();
  const copied = await copySqliteToPostgres(dataDir, databaseUrl, (line) => out(`copy: ${line}`));
  out(
    `copy: done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${copied.events} events (last seq ${copied.lastSeq}), ${copied.commands} command answers, log ${copied.logId}`,
  );
}
