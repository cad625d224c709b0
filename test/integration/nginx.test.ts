import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardChecksum } from '../../shared/checksum';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import { type RunningHub, repoRoot } from '../support/hub';
import { nginxMissing, type RunningNginx, startNginx } from '../support/nginx';
import { postgresMissing } from '../support/postgres';

// The nginx configuration in docs/deploy, as documented, in front of three real hubs on one
// PostgreSQL: consoles connect through it over WebSocket, ingest is spread through it, and when
// hubs are killed, ingest carries on and consoles reconnect through it to a live hub and converge.

const why = postgresMissing() ?? nginxMissing();
let cluster: TestCluster | null = null;
let nginx: RunningNginx | null = null;
let replica: Replica | null = null;
afterEach(async () => {
  replica?.stop();
  replica = null;
  await nginx?.stop();
  nginx = null;
  await cluster?.destroy();
  cluster = null;
});

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
      nginx = await startNginx(cluster.hubs);
      const { url } = nginx;
      // One key for the cluster's hubs (startCluster), as a console behind the balancer needs.
      const token = () => cluster?.hubs[0]?.openKey ?? null;
      const console1 = new Replica({
        clientId: 'through-nginx',
        transport: createSocketTransport({ hubUrl: url, token }),
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
      const fresh = new Replica({
        clientId: 'fresh',
        transport: createSocketTransport({ hubUrl: url, token }),
      });
      void fresh.start();
      await eventually(() => fresh.state.seq === 30, 'a fresh console through nginx');
      expect(boardChecksum(Object.values(console1.state.incidents))).toBe(
        boardChecksum(Object.values(fresh.state.incidents)),
      );
      fresh.stop();
    });

    it('answers for its server_name, with hubs started with the flags the site names', {
      timeout: 120_000,
    }, async () => {
      // The site's own words: its name, and the flags it says to start each hub with.
      const site = readFileSync(join(repoRoot, 'docs', 'deploy', 'nginx-sitroom.conf'), 'utf8');
      const serverName = /^\s*server_name\s+([^;\s]+);/m.exec(site)?.[1];
      const flags = /^#\s*hub flags:\s*(.+)$/m.exec(site)?.[1];
      expect(serverName, 'server_name in the site').toBeDefined();
      expect(flags, 'a "hub flags:" line in the site').toBeDefined();
      const args = (flags as string).replace("<this nginx's address>", '127.0.0.1').split(/\s+/);
      cluster = await startCluster(3, { args });
      nginx = await startNginx(cluster.hubs);
      // As monitoring and browsers send it: the public name in Host, not nginx's address.
      const asNamed = (path: string, body?: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const { port } = new URL((nginx as RunningNginx).url);
          const req = request(
            {
              host: '127.0.0.1',
              port,
              path,
              method: body === undefined ? 'GET' : 'POST',
              headers: {
                host: serverName as string,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      expect(await asNamed('/healthz')).toBe(200);
      for (let i = 0; i < 3; i++)
        expect(
          await asNamed(
            '/api/v1/ingest/alertmanager',
            webhookBody(`named-${i}`, groupAlerts(`named-${i}`, 1)),
          ),
        ).toBe(200);
      expect((await cluster.log()).filter((event) => event.type === 'incident_opened')).toHaveLength(3);
    });
  },
);
