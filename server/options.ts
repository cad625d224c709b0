import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
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
  /** Play the demo on start (--demo): the example estate, its people answering, compressed in time. */
  readonly demo: boolean;
  /** Play the demo's outage as a drill (--drill): at 1×, nobody scripted; the trainees answer. */
  readonly drill?: boolean;
  readonly demoSpeed: number;
  /** The data folder was made up for this demo or drill: removed when the hub stops. */
  readonly temporaryDataDir?: boolean;
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
  const demoSpeed = Number(env.SITROOM_DEMO_SPEED ?? DEFAULT_DEMO_SPEED);
  if (!(demoSpeed > 0))
    throw new OptionsError(`SITROOM_DEMO_SPEED must be a positive number, not "${env.SITROOM_DEMO_SPEED}"`);
  const demo = values.demo ?? env.SITROOM_DEMO === '1';
  const drill = values.drill ?? env.SITROOM_DRILL === '1';
  if (demo && drill)
    throw new OptionsError('choose --demo (a quick tour) or --drill (training at 1×), not both');
  const dataDir = values['data-dir'] ?? env.SITROOM_DATA_DIR;
  return {
    host: values.host ?? env.SITROOM_HOST ?? '127.0.0.1',
    port,
    // A demo or drill without a data folder of its own gets a fresh one, so its incidents and
    // history never mix with a real log.
    dataDir: resolve(dataDir ?? (demo || drill ? demoDataDir() : defaultDataDir(env))),
    configDir: nonEmpty(values['config-dir'] ?? env.SITROOM_CONFIG_DIR),
    databaseUrl: nonEmpty(values['database-url'] ?? env.SITROOM_DATABASE_URL),
    demo,
    drill,
    demoSpeed,
    temporaryDataDir: dataDir === undefined && (demo || drill),
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
      drill: { type: 'boolean' },
    },
  });
}

/** Scenario seconds per real second for --demo: its ~16 minutes in ~4, all views alive in the first. */
export const DEFAULT_DEMO_SPEED = 4;

function demoDataDir(): string {
  return join(tmpdir(), `sitroom-demo-${process.pid}-${Date.now().toString(36)}`);
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
