import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './cluster';
import { freePort, type RunningHub, repoRoot } from './hub';

// Debian's nginx running the documented site (docs/deploy/nginx-sitroom.conf) in front of test
// hubs: the file as shipped, with its hub addresses and listen port replaced, inside a minimal
// nginx.conf of its own (pid, logs and temp files in a temporary folder).

const NGINX = '/usr/sbin/nginx';

/** Why nginx tests cannot run here, or null. */
export function nginxMissing(): string | null {
  return existsSync(NGINX) ? null : `nginx is not installed (${NGINX}): sudo apt-get install nginx`;
}

export interface RunningNginx {
  readonly url: string;
  stop(): Promise<void>;
}

/** The documented site, pointed at these hubs and this port, inside a minimal nginx.conf. */
export async function startNginx(hubs: ReadonlyArray<Pick<RunningHub, 'port'>>): Promise<RunningNginx> {
  const port = await freePort();
  const site = readFileSync(join(repoRoot, 'docs', 'deploy', 'nginx-sitroom.conf'), 'utf8');
  let n = 0;
  const ours = site
    .replace(/server 10\.0\.0\.\d+:7420/g, () => `server 127.0.0.1:${hubs[n++ % hubs.length]?.port}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  if (n !== 6)
    throw new Error(`expected six server lines (three hubs, two upstreams) in the site, found ${n}`);
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-nginx-'));
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(dir, 'sitroom.conf'), ours);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs', 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log ${join(dir, 'logs', 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`,
      ),
      `  include ${join(dir, 'sitroom.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => (await fetch(`${url}/healthz`).catch(() => null))?.status === 200,
      () => `nginx answering on ${url}: ${errors}`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
