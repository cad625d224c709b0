import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Starts the REAL hub as its own process (the same entry point as `npm run hub`) on a free port
// with an isolated data directory, for integration and e2e tests. Never an in-process stand-in.

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Webhook bodies as monitoring sends them (examples/webhooks/), shared with the docs' examples. */
export const samplesDir = resolve(repoRoot, 'examples', 'webhooks');

/** Where a console page is opened: what page objects need of a hub. */
export interface HubAddress {
  readonly url: string;
  /** `path` on the hub, carrying the open-mode key after `#token=` as the printed link does. */
  pageUrl(path?: string): string;
}

export interface RunningHub extends HubAddress {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** The open-mode key this run printed after `#token=`; null for a hub with users.yaml. */
  readonly openKey: string | null;
  /** Authorization for the open-mode key (empty for a configured hub, whose tests bring tokens). */
  auth(): Record<string, string>;
  /** GET (or any method) on the hub's API with the open-mode key. */
  api(path: string, init?: RequestInit): Promise<Response>;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Everything the hub printed so far. */
  output(): string;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** Kill with a signal (default SIGKILL) and wait for exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartHubOptions {
  readonly dataDir?: string;
  readonly args?: ReadonlyArray<string>;
  readonly env?: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly timeoutMs?: number;
  /**
   * The open-mode key to start with (SITROOM_OPEN_KEY, as the desktop app gives its hub): for a
   * test that restarts "the same" hub and keeps its consoles. Without it the hub makes its own.
   */
  readonly openKey?: string;
  /** Another tree's hub (server/main.ts under it), for benchmarks against a baseline commit. */
  readonly root?: string;
}

/** A fresh open-mode key for a test that restarts "the same" hub (see StartHubOptions.openKey). */
export function newOpenKey(): string {
  return randomBytes(32).toString('base64url');
}

/** The open-mode key of each hub started here, by URL: what a console opened from its link holds. */
const openKeys = new Map<string, string>();

/** The open-mode key a hub at `url` printed, or null (a configured hub, or one not started here). */
export function openKeyFor(url: string): string | null {
  return openKeys.get(url.replace(/\/$/, '')) ?? null;
}

/** Authorization with the open-mode key of the hub that `url` is on (empty when it has none). */
export function authFor(url: string): Record<string, string> {
  const key = openKeyFor(new URL(url).origin);
  return key === null ? {} : { authorization: `Bearer ${key}` };
}

/** fetch with the open-mode key of the hub `url` is on, as a console opened from its link. */
export function hubFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...authFor(url), ...(init.headers as Record<string, string>) } });
}

export function tempDataDir(prefix = 'sitroom-hub-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startHub(options: StartHubOptions = {}): Promise<RunningHub> {
  const dataDir = options.dataDir ?? tempDataDir();
  // BENCH_HUB_CPUS: the CPUs the hub may run on (taskset's list, e.g. "0"), to give a benchmark's
  // hub a core of its own while the rest (run under `taskset -c 1 npm run bench …`) shares another.
  const cpus = process.env.BENCH_HUB_CPUS;
  const child = spawn(
    cpus ? 'taskset' : process.execPath,
    [
      ...(cpus ? ['-c', cpus, process.execPath] : []),
      // BENCH_HUB_NODE_ARGS: Node flags for every hub started here, e.g. "--cpu-prof
      // --cpu-prof-dir=DIR" to profile the hub under a benchmark (NODE_OPTIONS refuses --cpu-prof).
      ...(process.env.BENCH_HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      join(options.root ?? repoRoot, 'server', 'main.ts'),
      '--port',
      String(options.port ?? 0),
      '--data-dir',
      dataDir,
      '--web-dir',
      join(repoRoot, 'dist', 'web'),
      ...(options.args ?? []),
    ],
    {
      cwd: options.root ?? repoRoot,
      env: {
        ...process.env,
        ...options.env,
        ...(options.openKey ? { SITROOM_OPEN_KEY: options.openKey } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const printed = await new Promise<{ url: string; key: string | null }>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start within ${options.timeoutMs ?? 20_000} ms:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    const check = (): void => {
      // The ready record's `console` field, `http://127.0.0.1:PORT/#token=KEY` in open mode: the
      // link a person would open. As JSON (`"console":"…"`, the default off a terminal) or pretty
      // (`console: …`, SITROOM_LOG_FORMAT=pretty). Only a whole value: a chunk may end mid-key.
      const match =
        /"console":"(https?:\/\/[^"/]+)\/([^"]*)"/.exec(output) ??
        /console:\s+(https?:\/\/[^\s/]+)\/(\S*)[^\S\n]*\n/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl({ url: match[1], key: /^#token=([A-Za-z0-9_-]+)$/.exec(match[2] ?? '')?.[1] ?? null });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with code ${code} before it was ready:\n${output}`));
    });
  });

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = printed.url;
  // A hub given its key does not print it (give one only to a hub without users.yaml).
  const key = printed.key ?? options.openKey ?? null;
  if (key !== null) openKeys.set(url, key);
  const auth = (): Record<string, string> => (key === null ? {} : { authorization: `Bearer ${key}` });
  return {
    url,
    port: Number(new URL(url).port),
    openKey: key,
    pageUrl: (path = '/') => `${url}${path}${key === null ? '' : `#token=${key}`}`,
    auth,
    api: (path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { ...auth(), ...(init.headers as Record<string, string>) },
      }),
    dataDir,
    process: child,
    output: () => output,
    stop: () => kill('SIGTERM'),
    kill,
  };
}

/** A hub log record: its level and message (the hub logs JSON lines off a terminal). */
export interface LogRecord {
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** The JSON records in what a hub printed; lines that are not records are passed over. */
export function logRecords(output: string): LogRecord[] {
  const records: LogRecord[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const record = JSON.parse(line) as Partial<LogRecord>;
      if (typeof record.level === 'string' && typeof record.msg === 'string')
        records.push(record as LogRecord);
    } catch {
      // a line cut mid-write by a killed hub
    }
  }
  return records;
}

/** POSTs JSON to the hub and returns status and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, body: parsed };
}

/** A TCP port free on loopback right now, for a hub that must come back on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
