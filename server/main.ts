import { rm } from 'node:fs/promises';
import { runBackupCommand } from './backup-command';
import { checkConfigFolder } from './config/check-config';
import { OPEN_INGEST_WARNING, openIngest } from './config/hub-config';
import { runCopyCommand } from './copy-command';
import { PortInUse } from './http/listen';
import { startHub } from './hub';
import { createHubLogger, LogSettingsError, logSettingsFrom } from './logging/hub-logger';
import { type HubOptions, OptionsError, parseHubOptions } from './options';
import { consoleUrlWithKey } from './security/open-key';
import { secretsOfUrl } from './store/postgres/database-url';
import { StoreOpenError } from './store/postgres/pg-log';
import { BackupRefused } from './store/sqlite/sqlite-backup';
import { hubUsage, wantsHelp } from './usage';

// `npm run hub -- [options]`: the Sitroom hub alone. Logs where the console and the ingest
// endpoints are, and shuts down cleanly (flushing the log) on SIGTERM or Ctrl-C. Everything it
// says goes through pino (logging/hub-logger.ts): JSON lines, or pretty ones on a terminal.

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Asked for by a person at a terminal: plain text on stdout, no log records around it.
  if (wantsHelp(argv)) {
    process.stdout.write(hubUsage());
    return;
  }
  // Its lines are the answer to whoever typed it, like --help's: plain, not log records.
  if (argv[0] === 'copy-to-postgres') {
    process.exitCode = await runCopyCommand(argv.slice(1), process.env);
    return;
  }
  const logger = createHubLogger(logSettingsFrom(process.env, process.stdout.isTTY === true), {
    colour: process.stdout.isTTY === true,
  });
  logger.scrubber.addFromEnvironment(process.env);
  logger.takeOverConsole();
  if (argv[0] === 'backup') return runBackupCommand(argv.slice(1), process.env, logger.line);
  const checkDir = checkConfigArgument(argv);
  if (checkDir !== null) {
    // A CI's answer, not a running hub's log: plain lines on stdout/stderr, and the exit code.
    const check = await checkConfigFolder(checkDir);
    (check.code === 0 ? process.stdout : process.stderr).write(`${check.lines.join('\n')}\n`);
    process.exit(check.code);
  }
  const options = parseHubOptions(argv, process.env);
  // Given on the command line rather than in SITROOM_DATABASE_URL, the password is not among the
  // environment's secrets: scrubbed all the same.
  if (options.databaseUrl)
    for (const secret of secretsOfUrl(options.databaseUrl)) logger.scrubber.add(secret);
  const hub = await startHub(options, logger.line).catch(async (error: unknown) => {
    // A hub that never started leaves no made-up data folder behind either.
    if (options.temporaryDataDir) await rm(options.dataDir, { recursive: true, force: true });
    throw error;
  });
  const { info } = hub;
  // In open mode the ready record carries this run's key after `#` (never sent): the one place it
  // is written; every other line has it scrubbed. A key chosen by whoever started the hub (the
  // desktop app) is theirs to keep, so not printed at all.
  const showKey = info.openMode && !hub.openKey.given;
  logger.scrubber.add(hub.openKey.value);
  const consoleLine = showKey ? consoleUrlWithKey(info.consoleUrl, hub.openKey.value) : info.consoleUrl;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.line(`hub: ${signal}, shutting down`);
    // Everything acknowledged is already on disk; a shutdown that hangs must not keep the port.
    setTimeout(() => {
      logger.line('hub: shutdown took over 5 s; exiting anyway');
      process.exit(1);
    }, 5000).unref();
    hub
      .close()
      // A demo's made-up data folder goes with it; a folder someone named stays.
      .then(() =>
        options.temporaryDataDir ? rm(options.dataDir, { recursive: true, force: true }) : undefined,
      )
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('hub: unclean shutdown', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => {
    logger.line('hub: SIGHUP, reloading the configuration');
    hub.reloadConfig().catch((error: unknown) => console.error('hub: reload failed', error));
  });
  process.on('SIGINT', () => stop('SIGINT'));
  if (!info.openMode && openIngest(hub.config())) logger.pino.warn({ component: 'hub' }, OPEN_INGEST_WARNING);
  if (options.insecureHttp && !info.consoleUrl.startsWith('https:'))
    logger.pino.warn(
      { component: 'hub' },
      'WARNING: --insecure-http: tokens cross the network in clear unless a proxy in front adds HTTPS',
    );
  // Logged last: whoever waits for this record (a supervisor, a test) may signal us at once, so
  // the handlers must already be in place. Its fields are the URLs to give people and monitoring.
  logger.pino.info(
    {
      component: 'hub',
      console: consoleLine,
      alertmanager: info.ingest.alertmanager,
      pagerduty: `${info.ingest.pagerdutyEnqueue}  (also ${info.ingest.pagerduty})`,
      changes: `${new URL('/v2/change/enqueue', info.consoleUrl).href}  (also ${new URL('/api/v1/ingest/change', info.consoleUrl).href})`,
      store: `${hub.store}${options.temporaryDataDir ? ' (temporary: removed when the hub stops)' : ''}`,
      instance: hub.instance,
      ...modeField(options, info.openMode),
      ...(options.demo
        ? { demo: 'playing the outage across the example estate; the example people answer' }
        : {}),
      ...(options.drill
        ? { drill: 'playing the outage at 1×; answer it from the console (nobody else will)' }
        : {}),
    },
    'Sitroom hub ready',
  );
}

/** The folder of `--check-config DIR` (or `--check-config=DIR`), or null when the hub is to start. */
function checkConfigArgument(argv: ReadonlyArray<string>): string | null {
  const index = argv.findIndex((arg) => arg === '--check-config' || arg.startsWith('--check-config='));
  if (index === -1) return null;
  const arg = argv[index] as string;
  const dir = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  if (!dir || dir.startsWith('--'))
    throw new OptionsError('--check-config needs the configuration folder: --check-config DIR');
  return dir;
}

function modeField(options: HubOptions, openMode: boolean): Record<string, string> {
  if (openMode && (options.demo || options.drill) && !options.configDir)
    return {
      mode: `open local mode (the ${options.drill ? 'drill' : 'demo'}): whoever opens the console link above is admin; loopback only; the example people are on call`,
    };
  if (openMode)
    return {
      mode: 'open local mode (no users.yaml): whoever opens the console link above is admin; loopback only',
    };
  return { config: `${options.configDir} (users and integrations need tokens; reload with SIGHUP)` };
}

main().catch((error: unknown) => {
  if (
    error instanceof OptionsError ||
    error instanceof BackupRefused ||
    error instanceof LogSettingsError ||
    error instanceof PortInUse
  ) {
    // A mistake in how the hub was started is for the person who typed it, not a log record.
    process.stderr.write(`sitroom hub: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof StoreOpenError) {
    // The database is unreachable, refuses us, or is missing: what it said, in one line, without
    // a stack. Exit 1, not 2: it may be there at the next start (systemd restarts the hub).
    process.stderr.write(`sitroom hub: ${error.message}\n`);
    process.exit(1);
  }
  console.error('sitroom hub: could not start:', error);
  process.exit(1);
});
