import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, OptionsError } from './options';
import { backupSqlite } from './store/sqlite/sqlite-backup';

// `npm run hub -- backup FILE [--data-dir DIR]`: an online backup of the hub's SQLite log, safe
// while the hub runs and ingests. Restoring is copying FILE back (docs/operations.md). A hub on
// PostgreSQL is backed up with PostgreSQL's own tools (pg_dump), not here.

/** Runs the backup and prints what the copy holds; throws OptionsError for bad arguments. */
export async function runBackupCommand(
  argv: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new OptionsError(`backup: ${(error as Error).message}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0)
    throw new OptionsError('backup takes one FILE to write: npm run hub -- backup FILE [--data-dir DIR]');
  if (parsed.values['database-url'] ?? env.SITROOM_DATABASE_URL)
    throw new OptionsError(
      'backup copies the SQLite log; a hub on PostgreSQL is backed up with pg_dump (docs/operations.md)',
    );
  const dataDir = resolve(parsed.values['data-dir'] ?? env.SITROOM_DATA_DIR ?? defaultDataDir(env));
  const started = Date.now();
  const report = await backupSqlite(dataDir, resolve(file));
  print(
    `backup: wrote ${report.file} in ${Date.now() - started} ms: ${report.events} events through seq ${report.lastSeq}, ${report.bytes} bytes, checksum ${report.checksum}, log id ${report.logId} (a hub restored from it is a new history to consoles and receivers)`,
  );
}

function parse(argv: ReadonlyArray<string>) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
  });
}
