import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardChecksum } from '../../shared/checksum';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import { freePort, type RunningHub, repoRoot } from '../support/hub';
import { postgresMissing } from '../support/postgres';

// The nginx configuration in docs/deploy, as documented, in front of three real hubs on one
// PostgreSQL: consoles connect through it over WebSocket, ingest is spread through it, and when
// hubs are killed, ingest carries on and consoles reconnect through it to a live hub and converge.

const NGINX = '/usr/sbin/nginx';
const why =
  postgresMissing() ??
  (existsSync(NGINX) ? null : `nginx is not installed (${NGINX}): sudo apt-get install nginx`);
let cluster: TestCluster | null = null;
let nginx: { process: ChildProcess; dir: string } | null = null;
let replica: Replica | null = null;
afterEach(async () => {
  replica?.stop();
  replica = null;
  if (nginx) {
    nginx.process.kill('SIGTERM');
    await new Promise((resolve) => nginx?.process.once('exit', resolve));
    rmSync(nginx.dir, { recursive: true, force: true });
    nginx = null;
  }
  await cluster?.destroy();
  cluster = null;
});

/** The documented site, pointed at these hubs and this port, inside a minimal nginx.conf. */
async function startNginx(hubs: ReadonlyArray<RunningHub>): Promise<string> {
  const port = await freePort();
  const site = readFileSync(join(repoRoot, 'docs', 'deploy', 'nginx-sitroom.conf'), 'utf8');
  let n = 0;
  const ours = site
    .replace(/server 10\.0\.0\.\d+:7420/g, () => `server 127.0.0.1:${hubs[n++ % hubs.length]?.port}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  expect(n).toBe(6); // three hubs in each of the two upstreams
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
  nginx = { process: child, dir };
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => (await fetch(`${url}/healthz`).catch(() => null))?.status === 200,
    () => `nginx answering on ${url}: ${errors}`,
  );
  return url;
}

async function post(url: string, group: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/ingest/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: webhookBody(group, groupAlerts(group, 1)),
  });
  await response.arrayBuffer();
  return response.status;
}

describe.skipIf(why !== null)(
  `three hubs behind the documented nginx${why ? ` (skipped: ${why})` : ''}`,
  () => {
    it('carries consoles over WebSocket and ingest to live hubs, through hub deaths', {
      timeout: 120_000,
    }, async () => {
      cluster = await startCluster(3);
      const url = await startNginx(cluster.hubs);
      const console1 = new Replica({
        clientId: 'through-nginx',
        transport: createSocketTransport({ hubUrl: url }),
      });
      replica = console1;
      void console1.start();
      for (let i = 0; i < 9; i++) expect(await post(url, `lb-${i}`)).toBe(200);
      await eventually(() => console1.state.seq === 18, 'the console through nginx at seq 18');

      // Two of the three hubs die; whichever held the console, it ends up on the survivor.
      const [first, second] = cluster.hubs as [RunningHub, RunningHub];
      await first.kill('SIGKILL');
      for (let i = 9; i < 12; i++) expect(await post(url, `lb-${i}`)).toBe(200);
      await second.kill('SIGKILL');
      for (let i = 12; i < 15; i++) expect(await post(url, `lb-${i}`)).toBe(200);

      const log = await cluster.log();
      expect(log.at(-1)?.seq).toBe(30);
      await eventually(() => console1.state.seq === 30, 'the console caught up on the surviving hub');
      expect(console1.connectionState.status).toBe('live');
      // What it holds is what the log says: the same fold, by checksum.
      const fresh = new Replica({ clientId: 'fresh', transport: createSocketTransport({ hubUrl: url }) });
      void fresh.start();
      await eventually(() => fresh.state.seq === 30, 'a fresh console through nginx');
      expect(boardChecksum(Object.values(console1.state.incidents))).toBe(
        boardChecksum(Object.values(fresh.state.incidents)),
      );
      fresh.stop();
    });
  },
);
