// `npm run hub -- --help`: what a newcomer types first. It lists every flag the hub takes, each
// in a line, and points at docs/configuration.md for the environment variables and the detail.

/** One line per flag, in the order people reach for them; every one of `HUB_FLAGS` is here. */
const FLAG_LINES: ReadonlyArray<readonly [flag: string, meaning: string]> = [
  ['--host ADDRESS', 'address to listen on (default 127.0.0.1; beyond loopback needs users.yaml and TLS)'],
  ['--port N', 'port (default 7420; 0 picks a free one)'],
  ['--data-dir DIR', "the SQLite event log's folder (unused with --database-url: the hub says so)"],
  ['--config-dir DIR', 'the configuration folder: users, integrations, services, escalation, runbooks'],
  ['--database-url URL', 'PostgreSQL for the log, shared by several hubs (postgres://USER:PASSWORD@HOST/DB)'],
  ['--demo', 'play the demo outage across the example estate, its people answering (4x speed)'],
  ['--drill', 'play the same outage at its real pace with nobody scripted, for training'],
  ['--web-dir DIR', 'the built web console to serve (default dist/web)'],
  ['--tls-cert FILE, --tls-key FILE', 'PEM certificate and key: serve HTTPS (both or neither)'],
  ['--insecure-http', 'listen beyond loopback over plain HTTP (only behind an HTTPS proxy)'],
  ['--allowed-host NAME', 'a DNS name the hub answers to (repeatable)'],
  ['--allowed-origin ORIGIN', 'another origin whose pages may call the hub (repeatable)'],
  ['--trusted-proxy ADDRESS', 'a reverse proxy whose X-Forwarded-For rate limits believe (repeatable)'],
  ['--ingest-rate-limit N', 'ingest requests per second per sender (default 1000; 0: no limit)'],
  ['--command-rate-limit N', 'commands per second per user (default 10; 0: no limit)'],
];

const COMMAND_LINES: ReadonlyArray<readonly [command: string, meaning: string]> = [
  ['--check-config DIR', 'check a configuration folder (file:line mistakes and exit 1, or a summary)'],
  ['backup FILE [--data-dir DIR]', "online backup of a running hub's SQLite log"],
  [
    'copy-to-postgres --data-dir DIR --database-url URL',
    "move a stopped hub's SQLite history into an empty PostgreSQL database",
  ],
  ['--help', 'this text'],
];

/** Each table aligned on its own: one long command must not push every flag's meaning right. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

export function hubUsage(): string {
  return [
    'Usage: npm run hub -- [options]',
    '',
    'Options (each also an environment variable, e.g. SITROOM_PORT; the flag wins):',
    ...table(FLAG_LINES),
    '',
    'Instead of starting the hub:',
    ...table(COMMAND_LINES),
    '',
    'Every option and variable: docs/configuration.md',
    '',
  ].join('\n');
}

/** `--help` or `-h` anywhere on the command line. */
export function wantsHelp(argv: ReadonlyArray<string>): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
