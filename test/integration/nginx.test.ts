import { afterEach, describe, expect, it } from 'vitest';
import { boardChecksum } from '../../shared/checksum';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import type { RunningHub } from '../support/hub';
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
  },
);
