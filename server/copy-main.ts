import { parseArgs } from 'node:util';
import { checkDatabaseUrl } from './options';
import { CopyRefused, copySqliteToPostgres } from './store/copy-to-postgres';
import { StoreOpenError } from './store/postgres/pg-log';

// `npm run copy-to-postgres -- --data-dir ./hub-data --database-url postgres://…`: moves a stopped
// single hub's history into an empty PostgreSQL database, after which any number of hubs can be
// started on it with --database-url. The SQLite file is only read; keep it until you are happy.

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const dataDir = values['data-dir'] ?? process.env.SITROOM_DATA_DIR;
  const databaseUrl = values['database-url'] ?? process.env.SITROOM_DATABASE_URL;
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
  const copied = await copySqliteToPostgres(dataDir, databaseUrl, (line) => console.log(`copy: ${line}`));
  console.log(
    `copy: done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${copied.events} events (last seq ${copied.lastSeq}), ${copied.commands} command answers, log ${copied.logId}`,
  );
}

main().catch((error: unknown) => {
  const known =
    error instanceof CopyRefused ||
    error instanceof StoreOpenError ||
    (error instanceof Error && 'code' in error);
  console.error(`sitroom copy-to-postgres: ${known ? (error as Error).message : String(error)}`);
  console.error('nothing was copied.');
  process.exit(error instanceof CopyRefused ? 2 : 1);
});
