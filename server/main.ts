import { rm } from 'node:fs/promises';
import { checkConfigFolder } from './config/check-config';
import { OPEN_INGEST_WARNING, openIngest } from './config/hub-config';
import { startHub } from './hub';
import { type HubOptions, OptionsError, parseHubOptions } from './options';
import { consoleUrlWithKey } from './security/open-key';

// `npm run hub -- [options]`: the Sitroom hub alone. Prints where the console and the ingest
// endpoints are, and shuts down cleanly (flushing the log) on SIGTERM or Ctrl-C.

async function main(): Promise<void> {
  const checkDir = checkConfigArgument(process.argv.slice(2));
  if (checkDir !== null) {
    const check = await checkConfigFolder(checkDir);
    (check.code === 0 ? console.log : console.error)(check.lines.join('\n'));
    process.exit(check.code);
  }
  const options = parseHubOptions(process.argv.slice(2), process.env);
  const hub = await startHub(options);
  const { info } = hub;
  // In open mode the printed link carries this run's key after `#` (never sent, never logged);
  // a key chosen by whoever started the hub (the desktop app) is theirs to keep, so not printed.
  const consoleLine =
    info.openMode && !hub.openKey.given
      ? consoleUrlWithKey(info.consoleUrl, hub.openKey.value)
      : info.consoleUrl;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`hub: ${signal}, shutting down`);
    // Everything acknowledged is already on disk; a shutdown that hangs must not keep the port.
    setTimeout(() => {
      console.error('hub: shutdown took over 5 s; exiting anyway');
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
    console.log('hub: SIGHUP, reloading the configuration');
    hub.reloadConfig().catch((error: unknown) => console.error('hub: reload failed', error));
  });
  process.on('SIGINT', () => stop('SIGINT'));
  // Printed last: whoever waits for this line (a supervisor, a test) may signal us at once, so
  // the handlers must already be in place.
  console.log(
    [
      'Sitroom hub ready',
      `  console:       ${consoleLine}`,
      `  alertmanager:  ${info.ingest.alertmanager}`,
      `  pagerduty:     ${info.ingest.pagerdutyEnqueue}  (also ${info.ingest.pagerduty})`,
      `  store:         ${hub.store}${options.temporaryDataDir ? ' (temporary: removed when the hub stops)' : ''}`,
      modeLine(options, info.openMode),
      !info.openMode && openIngest(hub.config()) ? `  ${OPEN_INGEST_WARNING}` : '',
      options.insecureHttp && !info.consoleUrl.startsWith('https:')
        ? '  WARNING: --insecure-http: tokens cross the network in clear unless a proxy in front adds HTTPS'
        : '',
      options.demo
        ? '  demo:          playing the outage across the example estate; the example people answer'
        : '',
      options.drill
        ? '  drill:         playing the outage at 1×; answer it from the console (nobody else will)'
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
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

function modeLine(options: HubOptions, openMode: boolean): string {
  if (openMode && (options.demo || options.drill) && !options.configDir)
    return '  mode:          open local mode (the demo): whoever opens the console link above is admin; loopback only; the example people are on call';
  if (openMode)
    return '  mode:          open local mode (no users.yaml): whoever opens the console link above is admin; loopback only';
  return `  config:        ${options.configDir} (users and integrations need tokens; reload with SIGHUP)`;
}

main().catch((error: unknown) => {
  if (error instanceof OptionsError) {
    console.error(`sitroom hub: ${error.message}`);
    process.exit(2);
  }
  console.error('sitroom hub: could not start:', error);
  process.exit(1);
});
