import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Clock } from './escalation/clock';

// Hub options: each flag also has an environment variable (CONTRACT.md); flags win.

export interface HubOptions {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly configDir: string | null;
  readonly databaseUrl: string | null;
  readonly demo: boolean;
  readonly demoSpeed: number;
  readonly webDir: string;
  /** Time for escalations and paging; Date.now and setTimeout unless a test drives it. */
  readonly clock?: Clock;
}

export class OptionsError extends Error {}

export function parseHubOptions(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv): HubOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  const port = Number(values.port ?? env.SITROOM_PORT ?? 7420);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new OptionsError(
      `--port must be a whole number from 0 to 65535, not "${values.port ?? env.SITROOM_PORT}"`,
    );
  }
  const demoSpeed = Number(env.SITROOM_DEMO_SPEED ?? 1);
  if (!(demoSpeed > 0))
    throw new OptionsError(`SITROOM_DEMO_SPEED must be a positive number, not "${env.SITROOM_DEMO_SPEED}"`);
  return {
    host: values.host ?? env.SITROOM_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(values['data-dir'] ?? env.SITROOM_DATA_DIR ?? defaultDataDir(env)),
    configDir: nonEmpty(values['config-dir'] ?? env.SITROOM_CONFIG_DIR),
    databaseUrl: nonEmpty(values['database-url'] ?? env.SITROOM_DATABASE_URL),
    demo: values.demo ?? env.SITROOM_DEMO === '1',
    demoSpeed,
    webDir: resolve(values['web-dir'] ?? env.SITROOM_WEB_DIR ?? defaultWebDir()),
  };
}

function parse(argv: ReadonlyArray<string>) {
  return parseArgs({
    args: [...argv],
    strict: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'config-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'web-dir': { type: 'string' },
      demo: { type: 'boolean' },
    },
  });
}

const nonEmpty = (value: string | undefined): string | null => (value && value.length > 0 ? value : null);

function defaultDataDir(env: NodeJS.ProcessEnv): string {
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
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
