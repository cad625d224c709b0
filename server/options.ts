import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Clock } from './escalation/clock';
import { plainAddress } from './security/client-address';
import { parseDatabaseUrl } from './store/postgres/database-url';

// Hub options: each flag also has an environment variable (docs/configuration.md); flags win.

export interface HubOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** How the data folder was named, to say so in its words when PostgreSQL leaves it unused; null: the default. */
  readonly dataDirNamedBy?: '--data-dir' | 'SITROOM_DATA_DIR' | null;
  readonly configDir: string | null;
  readonly databaseUrl: string | null;
  /** Play the demo on start (--demo): the example estate, its people answering, compressed in time. */
  readonly demo: boolean;
  /** Play the demo's outage as a drill (--drill): at 1×, nobody scripted; the trainees answer. */
  readonly drill?: boolean;
  readonly demoSpeed: number;
  /** The data folder was made up for this demo or drill: removed when the hub stops. */
  readonly temporaryDataDir?: boolean;
  readonly webDir: string;
  /** Host names (beside IP literals and localhost) the hub answers to: DNS rebinding stops here. */
  readonly allowedHosts: ReadonlyArray<string>;
  /** Origins (beside the hub's own) whose pages may call the hub, e.g. a reverse proxy's. */
  readonly allowedOrigins: ReadonlyArray<string>;
  /** PEM files for HTTPS; both or neither. */
  readonly tlsCert: string | null;
  readonly tlsKey: string | null;
  /** Listen beyond loopback over plain HTTP anyway (tokens then cross the network in clear). */
  readonly insecureHttp: boolean;
  /** Reverse proxies whose X-Forwarded-For the rate limits believe (addresses, not names). */
  readonly trustedProxies: ReadonlyArray<string>;
  /** Ingest requests per second per sending address; 0 turns the limit off. */
  readonly ingestRateLimit: number;
  /** Commands per second per user; 0 turns the limit off. */
  readonly commandRateLimit: number;
  /** The open-mode key chosen by whoever started the hub (the desktop app); null: make one. */
  readonly openKey: string | null;
  /** Time for escalations and paging; Date.now and setTimeout unless a test drives it. */
  readonly clock?: Clock;
}

export class OptionsError extends Error {}

export function parseHubOptions(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv): HubOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new OptionsError(`${(error as Error).message} (npm run hub -- --help lists the options)`);
  }
  const port = Number(values.port ?? env.SITROOM_PORT ?? 7420);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new OptionsError(
      `--port must be a whole number from 0 to 65535, not "${values.port ?? env.SITROOM_PORT}"`,
    );
  }
  const demoSpeed = Number(env.SITROOM_DEMO_SPEED ?? DEFAULT_DEMO_SPEED);
  if (!(demoSpeed > 0))
    throw new OptionsError(`SITROOM_DEMO_SPEED must be a positive number, not "${env.SITROOM_DEMO_SPEED}"`);
  const demo = values.demo ?? env.SITROOM_DEMO === '1';
  const drill = values.drill ?? env.SITROOM_DRILL === '1';
  if (demo && drill)
    throw new OptionsError('choose --demo (a quick tour) or --drill (training at 1×), not both');
  const dataDir = values['data-dir'] ?? env.SITROOM_DATA_DIR;
  const host = values.host ?? env.SITROOM_HOST ?? '127.0.0.1';
  const tlsCert = nonEmpty(values['tls-cert'] ?? env.SITROOM_TLS_CERT);
  const tlsKey = nonEmpty(values['tls-key'] ?? env.SITROOM_TLS_KEY);
  if ((tlsCert === null) !== (tlsKey === null))
    throw new OptionsError('--tls-cert and --tls-key go together: give both PEM files, or neither.');
  const insecureHttp = values['insecure-http'] ?? env.SITROOM_INSECURE_HTTP === '1';
  if (!isLoopback(host) && tlsCert === null && !insecureHttp) {
    throw new OptionsError(
      `--host ${host} is not loopback: give --tls-cert and --tls-key so tokens do not cross the network in clear, or put the hub behind an HTTPS proxy and say --insecure-http.`,
    );
  }
  const trustedProxies = listOption(values['trusted-proxy'], env.SITROOM_TRUSTED_PROXIES);
  const notAddress = trustedProxies.find((proxy) => isIP(plainAddress(proxy)) === 0);
  if (notAddress !== undefined)
    throw new OptionsError(`--trusted-proxy takes an IP address, not "${notAddress}".`);
  const ingestRateLimit = rate(
    'ingest-rate-limit',
    values['ingest-rate-limit'] ?? env.SITROOM_INGEST_RATE_LIMIT,
    1000,
  );
  const commandRateLimit = rate(
    'command-rate-limit',
    values['command-rate-limit'] ?? env.SITROOM_COMMAND_RATE_LIMIT,
    10,
  );
  const databaseUrl = nonEmpty(values['database-url'] ?? env.SITROOM_DATABASE_URL);
  if (databaseUrl !== null) checkDatabaseUrl(databaseUrl);
  const openKey = nonEmpty(env.SITROOM_OPEN_KEY);
  if (openKey !== null && !/^[A-Za-z0-9_-]{32,128}$/.test(openKey))
    throw new OptionsError('SITROOM_OPEN_KEY must be 32 to 128 letters, digits, "-" or "_".');
  return {
    host,
    port,
    // A demo or drill without a data folder of its own gets a fresh one, so its incidents and
    // history never mix with a real log.
    dataDir: resolve(dataDir ?? (demo || drill ? demoDataDir() : defaultDataDir(env))),
    dataDirNamedBy:
      values['data-dir'] !== undefined ? '--data-dir' : dataDir !== undefined ? 'SITROOM_DATA_DIR' : null,
    configDir: nonEmpty(values['config-dir'] ?? env.SITROOM_CONFIG_DIR),
    databaseUrl,
    demo,
    drill,
    demoSpeed,
    temporaryDataDir: dataDir === undefined && (demo || drill),
    webDir: resolve(values['web-dir'] ?? env.SITROOM_WEB_DIR ?? defaultWebDir()),
    allowedHosts: listOption(values['allowed-host'], env.SITROOM_ALLOWED_HOSTS),
    allowedOrigins: listOption(values['allowed-origin'], env.SITROOM_ALLOWED_ORIGINS),
    tlsCert: tlsCert === null ? null : resolve(tlsCert),
    tlsKey: tlsKey === null ? null : resolve(tlsKey),
    insecureHttp,
    trustedProxies,
    ingestRateLimit,
    commandRateLimit,
    openKey,
  };
}

/** Every flag the hub takes (`--help` lists each of them: server/usage.ts). */
export const HUB_FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'config-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'web-dir': { type: 'string' },
  demo: { type: 'boolean' },
  drill: { type: 'boolean' },
  'allowed-host': { type: 'string', multiple: true },
  'allowed-origin': { type: 'string', multiple: true },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'insecure-http': { type: 'boolean' },
  'trusted-proxy': { type: 'string', multiple: true },
  'ingest-rate-limit': { type: 'string' },
  'command-rate-limit': { type: 'string' },
} as const;

function parse(argv: ReadonlyArray<string>) {
  return parseArgs({ args: [...argv], strict: true, options: HUB_FLAGS });
}

/**
 * A --database-url that cannot be PostgreSQL's is refused before anything connects, saying why
 * without repeating the URL (it may hold a password): node-postgres would otherwise take "not a
 * url" for a host named "base" and "mysql://…" for PostgreSQL, and fail later, less clearly.
 */
export function checkDatabaseUrl(url: string): void {
  // A socket folder ("/run/postgresql dbname") is how node-postgres reaches a local server.
  if (url.startsWith('/')) return;
  const expected = 'postgres://USER:PASSWORD@HOST:PORT/DATABASE';
  // As node-postgres reads it: a user with no host (`postgres://sitroom@/noc?host=/run/postgresql`)
  // is a local server's socket, not a mistake.
  const parsed = parseDatabaseUrl(url);
  if (parsed === null) {
    throw new OptionsError(
      `--database-url (SITROOM_DATABASE_URL) is not a URL: give ${expected}, with characters such as # @ / : in the password %-encoded`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:' && parsed.protocol !== 'socket:')
    throw new OptionsError(
      `--database-url (SITROOM_DATABASE_URL) must be a PostgreSQL URL, ${expected}, not ${parsed.protocol}//…`,
    );
}

/** Scenario seconds per real second for --demo: its ~16 minutes in ~4, all views alive in the first. */
export const DEFAULT_DEMO_SPEED = 4;

function demoDataDir(): string {
  return join(tmpdir(), `sitroom-demo-${process.pid}-${Date.now().toString(36)}`);
}

const nonEmpty = (value: string | undefined): string | null => (value && value.length > 0 ? value : null);

/** A per-second rate from a flag or its variable; 0 turns that limit off. */
function rate(flag: string, raw: string | undefined, fallback: number): number {
  const value = Number(raw ?? fallback);
  if (!Number.isFinite(value) || value < 0)
    throw new OptionsError(`--${flag} must be a number per second (0 for no limit), not "${raw}"`);
  return value;
}

/** Repeated flags win over the comma-separated environment variable. */
function listOption(flags: ReadonlyArray<string> | undefined, env: string | undefined): string[] {
  const raw = flags && flags.length > 0 ? flags : (env ?? '').split(',');
  return raw.map((item) => item.trim()).filter((item) => item !== '');
}

export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return join(env.APPDATA ?? homedir(), 'Sitroom', 'hub');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Sitroom', 'hub');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'sitroom', 'hub');
}

/** dist/web beside the source tree (tsx) or beside the bundle (dist/server/hub.mjs). */
function defaultWebDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'dist', 'web'), join(here, '..', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? (candidates[0] as string);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
