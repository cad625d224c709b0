import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EscalationLevelPaged } from '../../shared/events';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { postJson, type RunningHub, samplesDir } from '../support/hub';
import { nginxMissing, startNginx } from '../support/nginx';
import { groupAlerts, webhookBody } from './alert-bodies';
import type { BenchRow } from './results';
import { round, summarise } from './stats';

// Failover with three hubs on one PostgreSQL:
//   leader  the leader is killed (SIGKILL) 300 ms before 20 escalation deadlines: how long until
//           another hub leads (its /healthz says so), and until it pages the first of them;
//   consoles 50 consoles behind the documented nginx, all on one hub (ip_hash), which is killed:
//           how long until each is live on another hub holding the log's last event.

const INCIDENTS = 20;

function ladder(): string {
  const dir = copyOfValidConfig();
  writeLadder(dir, [
    '{ notify: [user:dana], escalate_after_minutes: 0.05 }',
    '{ notify: [user:eve], escalate_after_minutes: 60 }',
  ]);
  return dir;
}

async function leading(hub: RunningHub): Promise<boolean> {
  if (hub.process.exitCode !== null || hub.process.signalCode !== null) return false;
  const response = await fetch(`${hub.url}/healthz`).catch(() => null);
  return Boolean(response && ((await response.json()) as { leading?: boolean }).leading);
}

async function leaderFailover(): Promise<Record<string, number>> {
  const cluster = await startCluster(3, { args: ['--config-dir', ladder()] });
  try {
    const pages = async (level: number): Promise<EscalationLevelPaged[]> =>
      (await cluster.log()).filter(
        (event): event is EscalationLevelPaged =>
          event.type === 'escalation_level_paged' && event.level === level,
      );
    let leader: RunningHub | undefined;
    await eventually(async () => {
      for (const hub of cluster.hubs) if (await leading(hub)) leader = hub;
      return leader !== undefined;
    }, 'a leader');
    const others = cluster.hubs.filter((hub) => hub !== leader);
    const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8'));
    for (let i = 0; i < INCIDENTS; i++) {
      const body = { ...firing, groupKey: `{}:{alertname="failover-${i}"}` };
      await postJson(`${others[0]?.url}/api/v1/ingest/alertmanager`, body, {
        authorization: 'Bearer prom-dc1-token',
      });
    }
    await eventually(async () => (await pages(1)).length === INCIDENTS, 'level 1 paged');
    const due = Math.min(...(await pages(1)).map((page) => page.dueNext ?? Number.POSITIVE_INFINITY));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - 300 - Date.now())));
    const killedAt = Date.now();
    await (leader as RunningHub).kill('SIGKILL');
    let tookOverAt = 0;
    await eventually(async () => {
      for (const hub of others) if (await leading(hub)) tookOverAt = Date.now();
      return tookOverAt > 0;
    }, 'a new leader');
    await eventually(async () => (await pages(2)).length === INCIDENTS, 'level 2 paged by the new leader');
    const second = (await pages(2)).map((page) => page.at);
    return {
      takeoverMs: tookOverAt - killedAt,
      firstPageMs: Math.min(...second) - killedAt,
      lastPageMs: Math.max(...second) - killedAt,
    };
  } finally {
    await cluster.destroy();
  }
}

async function consoleFailover(): Promise<ReturnType<typeof summarise>> {
  const cluster: TestCluster = await startCluster(3);
  const nginx = await startNginx(cluster.hubs);
  const replicas = Array.from(
    { length: 50 },
    (_, i) =>
      new Replica({
        clientId: `failover-${i}`,
        // The cluster's hubs share one key, which a console behind the balancer must present.
        transport: createSocketTransport({
          hubUrl: nginx.url,
          token: () => cluster.hubs[0]?.openKey ?? null,
        }),
      }),
  );
  const post = async (group: string): Promise<number> =>
    (await postJson(`${nginx.url}/api/v1/ingest/alertmanager`, webhookBody(group, groupAlerts(group, 1))))
      .status;
  try {
    for (const replica of replicas) void replica.start();
    for (let i = 0; i < 10; i++) await post(`before-${i}`);
    // The log's last event, not a count of the posts': hubs write events of their own too.
    let logged = 0;
    await eventually(
      async () => {
        logged = (await cluster.log()).length;
        return logged >= 20 && replicas.every((replica) => replica.state.seq === logged);
      },
      () =>
        `every console at the log's last seq, ${logged} (consoles at ${[...new Set(replicas.map((replica) => replica.state.seq))].join(', ')})`,
    );
    let holder: RunningHub | undefined;
    for (const hub of cluster.hubs) {
      // How many consoles a hub holds is for an admin (the open-mode key) only.
      const health = (await (
        await fetch(`${hub.url}/healthz`, { headers: { authorization: `Bearer ${hub.openKey ?? ''}` } })
      ).json()) as { consoles: number };
      if (health.consoles > 0) holder = hub;
    }
    const killedAt = performance.now();
    await (holder as RunningHub).kill('SIGKILL');
    await eventually(async () => (await post('after')) === 200, 'ingest through nginx');
    const last = (await cluster.log()).length;
    const back = new Map<Replica, number>();
    await eventually(
      () => {
        for (const replica of replicas)
          if (!back.has(replica) && replica.connectionState.status === 'live' && replica.state.seq >= last)
            back.set(replica, performance.now() - killedAt);
        return back.size === replicas.length;
      },
      'every console converged on another hub',
      60_000,
    );
    return summarise([...back.values()]);
  } finally {
    for (const replica of replicas) replica.stop();
    await nginx.stop();
    await cluster.destroy();
  }
}

export async function benchClusterFailover(details: Record<string, unknown>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const leader = await leaderFailover();
  details['leader failover'] = leader;
  const name = `leader SIGKILL 300 ms before ${INCIDENTS} escalation deadlines`;
  rows.push(
    {
      benchmark: 'cluster',
      case: name,
      figure: 'kill → another hub leads, ms',
      value: leader.takeoverMs as number,
    },
    {
      benchmark: 'cluster',
      case: name,
      figure: 'kill → first / last level paged by the new leader, ms',
      value: `${leader.firstPageMs} / ${leader.lastPageMs}`,
    },
  );
  const missing = nginxMissing();
  if (missing) {
    console.error(`bench cluster: console failover skipped: ${missing}`);
    return rows;
  }
  const consoles = await consoleFailover();
  details['console failover'] = consoles;
  rows.push({
    benchmark: 'cluster',
    case: '50 consoles behind nginx, their hub SIGKILLed',
    figure: 'kill → live on another hub with the last event, p50 / max ms',
    value: `${round(consoles.p50, 0)} / ${round(consoles.max, 0)}`,
  });
  return rows;
}
