import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EscalationLevelPaged, HubEvent } from '../../shared/events';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { eventually, leaderAndFollower, startCluster, type TestCluster } from '../support/cluster';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { type FrozenLink, linkTo } from '../support/frozen-link';
import { postJson, type RunningHub, samplesDir } from '../support/hub';
import { postgresMissing, postgresVersion } from '../support/postgres';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// The ways of losing PostgreSQL or a hub that close nothing: the database hangs (or the network to
// it drops packets without a reset) and a leader freezes (SIGSTOP, a paused VM, a machine gone
// without a word). No error arrives, only silence, and the hubs must still answer, say what they
// know, and hand the once-only work on. And when the database goes away, a hub that led says it
// no longer does.

const missing = postgresMissing();
let cluster: TestCluster | null = null;
let link: FrozenLink | null = null;
let receiver: WebhookReceiver | null = null;
afterEach(async () => {
  link?.thaw();
  await cluster?.destroy();
  cluster = null;
  await link?.close();
  link = null;
  await receiver?.close();
  receiver = null;
});

/** POSTs one alert of a new group to `hub`: its status, 0 if none came within a minute. */
async function postAlert(hub: RunningHub, group: string): Promise<number> {
  try {
    const response = await fetch(`${hub.url}/api/v1/ingest/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: webhookBody(group, groupAlerts(group, 1)),
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

async function health(hub: RunningHub): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${hub.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The seq the hub has folded, from its metrics. */
async function foldedSeq(hub: RunningHub): Promise<number> {
  const text = await (await hub.api('/metrics')).text();
  return Number(/^sitroom_event_log_seq (\d+)/m.exec(text)?.[1] ?? -1);
}

function gapFree(log: ReadonlyArray<HubEvent>): boolean {
  return log.every((event, i) => event.seq === i + 1);
}

describe.skipIf(missing !== null)(
  `hubs when PostgreSQL or a leader goes silent${missing ? ` (skipped: ${missing})` : ''}`,
  { timeout: 150_000 },
  () => {
    it('answers ingest 503 within seconds while PostgreSQL hangs, says so on /healthz, and resumes', async () => {
      cluster = await startCluster(0);
      link = await linkTo(cluster.postgres.port);
      const through = link.through(cluster.databaseUrl);
      const [busy, quiet] = [
        await cluster.addHub({ databaseUrl: through }),
        await cluster.addHub({ databaseUrl: through }),
      ] as [RunningHub, RunningHub];
      for (let i = 0; i < 5; i++) expect(await postAlert(busy, `before-${i}`)).toBe(200);

      link.freeze();
      // A commit on a hung database is answered (the hub's own timeout refuses it: no answer from
      // PostgreSQL is no commit), not left waiting for as long as the database is silent, and
      // never with a 2xx. So is the next.
      expect(await postAlert(busy, 'during-0')).toBe(503);
      expect(await postAlert(busy, 'during-1')).toBe(503);
      // A hub that commits nothing finds out too, from its heartbeat: a load balancer takes it out.
      await eventually(
        async () => (await health(quiet)).status === 503,
        'the quiet hub saying it is degraded',
        20_000,
      );
      expect((await health(quiet)).body).toMatchObject({ status: 'degraded', leading: false });

      // The database answers again: what reached it before the link froze (a COMMIT among it,
      // perhaps, of a batch the hub answered 503) runs now; the hubs carry on from the log.
      link.thaw();
      await eventually(
        async () => (await health(busy)).status === 200 && (await health(quiet)).status === 200,
        'both hubs well again',
        30_000,
      );
      const accepted: string[] = [];
      for (let i = 0; i < 5; i++) {
        expect(await postAlert(i % 2 === 0 ? busy : quiet, `after-${i}`)).toBe(200);
        accepted.push(`after-${i}`);
      }
      const log = await cluster.log();
      expect(gapFree(log)).toBe(true);
      const last = log.at(-1)?.seq ?? 0;
      await eventually(
        async () => (await foldedSeq(busy)) === last && (await foldedSeq(quiet)) === last,
        'both hubs holding the whole log',
      );
      const fired = new Set(
        log.flatMap((event) => (event.type === 'alert_fired' ? [event.alert.labels.alertname] : [])),
      );
      for (const group of accepted) expect(fired.has(group), group).toBe(true);
    });

    it('no longer says it leads once PostgreSQL is gone', async () => {
      cluster = await startCluster(2);
      const { leader } = await leaderAndFollower(cluster);
      expect((await health(leader)).body).toMatchObject({ leading: true });
      cluster.postgres.stop('fast');
      // Its session (and so its lock) went with the database: it stepped down, and /healthz says
      // so, rather than what the hubs table said at its last heartbeat.
      await eventually(
        async () => {
          const { body } = await health(leader);
          return body.leading === false && body.leader !== body.instance;
        },
        'the old leader no longer claiming to lead on /healthz',
        15_000,
      );
      cluster.postgres.start();
      await eventually(async () => (await health(leader)).status === 200, 'well again', 30_000);
    });

    const version = postgresVersion() ?? 0;
    it.skipIf(version < 14)(
      `hands the lead on when the leader freezes (SIGSTOP), and pages each level once${version < 14 ? ' (skipped: PostgreSQL 14 or later ends a silent session)' : ''}`,
      async () => {
        receiver = await startWebhookReceiver();
        const config = copyOfValidConfig({ webhookBase: receiver.url });
        writeLadder(config, [
          '{ notify: [user:dana], escalate_after_minutes: 0.1 }',
          '{ notify: [user:dana], escalate_after_minutes: 0.1 }',
          '{ notify: [user:dana], escalate_after_minutes: 60 }',
        ]);
        cluster = await startCluster(2, { args: ['--config-dir', config] });
        const { leader, follower } = await leaderAndFollower(cluster);
        const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8'));
        for (const name of ['A', 'B']) {
          const body = { ...firing, groupKey: `{}:{alertname="frozen-${name}"}` };
          const answer = await postJson(`${follower.url}/api/v1/ingest/alertmanager`, body, {
            authorization: 'Bearer prom-dc1-token',
          });
          expect(answer.status).toBe(200);
        }
        const pages = async (): Promise<EscalationLevelPaged[]> =>
          (await (cluster as TestCluster).log()).filter(
            (event): event is EscalationLevelPaged => event.type === 'escalation_level_paged',
          );
        const delivered = async (): Promise<number> =>
          (await (cluster as TestCluster).log()).filter((event) => event.type === 'notification_delivered')
            .length;
        await eventually(
          async () => (await pages()).length === 2 && (await delivered()) === 2,
          'level 1 paged and its deliveries recorded',
        );

        // Frozen, not dead: its connections stay open, its kernel answers for it, and it holds
        // the leader's lock as long as PostgreSQL keeps its session.
        leader.process.kill('SIGSTOP');
        await eventually(
          async () => (await health(follower)).body.leading === true,
          'the other hub leading',
          30_000,
        );
        await eventually(
          async () => (await pages()).filter((page) => page.level === 3).length === 2,
          'level 3 paged by the new leader',
          40_000,
        );

        // The frozen leader wakes: its session is gone, it steps down, and lands no page.
        leader.process.kill('SIGCONT');
        await eventually(
          async () => (await health(leader)).body.leading === false,
          'the thawed hub no longer leading',
        );
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const byIncident = new Map<string, number[]>();
        for (const page of await pages())
          byIncident.set(page.incidentId, [...(byIncident.get(page.incidentId) ?? []), page.level]);
        expect([...byIncident.values()]).toEqual([
          [1, 2, 3],
          [1, 2, 3],
        ]);
      },
    );
  },
);
