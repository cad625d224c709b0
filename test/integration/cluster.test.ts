import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { boardChecksum } from '../../shared/checksum';
import type { HubEvent } from '../../shared/events';
import type { HubStatus } from '../../shared/protocol';
import { SOCKET_EVENTS } from '../../shared/protocol';
import { Replica } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { groupAlerts, webhookBody } from '../bench/alert-bodies';
import { eventually, startCluster, type TestCluster } from '../support/cluster';
import { connectConsole } from '../support/console-socket';
import type { RunningHub } from '../support/hub';
import { postgresMissing } from '../support/postgres';

// Several real hub processes on one throwaway PostgreSQL: alerts posted to any hub end in one
// gap-free log that every console sees the same; a hub killed mid-storm loses nothing it
// answered 2xx; PostgreSQL stopped mid-ingest means 503s (never a 2xx without a commit), consoles
// told the hub is degraded, and everything resumes when it is back.

const missing = postgresMissing();
let cluster: TestCluster | null = null;
const replicas: Replica[] = [];
afterEach(async () => {
  for (const replica of replicas.splice(0)) replica.stop();
  await cluster?.destroy();
  cluster = null;
});

/** POSTs one alert of `group` (its `index`th) to `hub`; resolves with the HTTP status, 0 if none came. */
async function postAlert(hub: RunningHub, group: string, index: number): Promise<number> {
  const body = webhookBody(group, groupAlerts(group, 1, {}, index));
  try {
    const response = await fetch(`${hub.url}/api/v1/ingest/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // the hub died, or the connection was cut: not a 2xx
  }
}

/** The fingerprint the bench bodies give alert `index` of `group`. */
const fingerprint = (group: string, index: number): string => `${group}/host-${index}:9100`;

function alertsIn(log: ReadonlyArray<HubEvent>): Set<string> {
  const found = new Set<string>();
  for (const event of log) if (event.type === 'alert_fired') found.add(event.alert.fingerprint);
  return found;
}

function consoleOn(hub: RunningHub): Replica {
  const replica = new Replica({
    clientId: `test-${hub.port}`,
    transport: createSocketTransport({ hubUrl: hub.url, token: () => hub.openKey }),
  });
  replicas.push(replica);
  void replica.start();
  return replica;
}

/** The hub's own checksum at its current seq: a console asking for the events after `seq`. */
async function hubChecksum(hub: RunningHub, hubId: string, seq: number): Promise<string | undefined> {
  const raw = await connectConsole(hub.url);
  try {
    const start = await raw.hello({ clientId: 'checksum', hubId, lastSeq: seq });
    return start.kind === 'delta' && start.fingerprint?.seq === seq ? start.fingerprint.checksum : undefined;
  } finally {
    raw.close();
  }
}

// Each test starts a database server and two or three hub processes: generous on a busy machine.
describe.skipIf(missing !== null)(
  `hubs on one PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`,
  { timeout: 120_000 },
  () => {
    it('folds alerts posted to any of three hubs into one gap-free log that every console sees the same', async () => {
      cluster = await startCluster(3);
      const { hubs } = cluster;
      const consoles = hubs.map(consoleOn);
      // 40 groups of 4 alerts, the alerts of each group posted to different hubs at once.
      const posts: Array<Promise<number>> = [];
      for (let g = 0; g < 40; g++) {
        for (let a = 0; a < 4; a++) posts.push(postAlert(hubs[(g + a) % 3] as RunningHub, `spread-${g}`, a));
      }
      expect(new Set(await Promise.all(posts))).toEqual(new Set([200]));

      const log = await cluster.log();
      expect(log.map((event) => event.seq)).toEqual(log.map((_, i) => i + 1));
      // One incident per group, whichever hubs its alerts came through.
      const opened = log.filter((event) => event.type === 'incident_opened');
      expect(opened).toHaveLength(40);
      expect(alertsIn(log).size).toBe(160);

      const last = log.length;
      await eventually(
        () => consoles.every((replica) => replica.state.seq === last),
        'every console at the last seq',
      );
      const sums = consoles.map((replica) => boardChecksum(Object.values(replica.state.incidents)));
      expect(new Set(sums).size).toBe(1);
      const hubId = consoles[0]?.state.hubId as string;
      for (const hub of hubs) expect(await hubChecksum(hub, hubId, last)).toBe(sums[0]);
    });

    it('keeps every alert a hub answered 2xx when that hub is killed mid-storm', async () => {
      cluster = await startCluster(2);
      const [survivor, victim] = cluster.hubs as [RunningHub, RunningHub];
      const victimConsole = await connectConsole(victim.url);
      const start = await victimConsole.hello({ clientId: 'victim-console', hubId: null, lastSeq: 0 });
      const hubId = start.kind === 'snapshot' ? start.snapshot.hubId : '';
      let heldSeq = 0;
      victimConsole.socket.on(SOCKET_EVENTS.events, (batch) => {
        heldSeq = Math.max(heldSeq, ...batch.events.map((event) => event.seq));
      });

      const accepted = new Set<string>();
      let sent = 0;
      const stopAt = Date.now() + 2_500;
      const sender = async (hub: RunningHub, lane: number): Promise<void> => {
        for (let i = 0; Date.now() < stopAt; i++) {
          const group = `storm-${lane}-${i}`;
          sent += 1;
          if ((await postAlert(hub, group, 0)) === 200) accepted.add(fingerprint(group, 0));
        }
      };
      const storm = Promise.all([0, 1, 2, 3].map((lane) => sender(lane % 2 === 0 ? victim : survivor, lane)));
      await new Promise((resolve) => setTimeout(resolve, 800));
      await victim.kill('SIGKILL');
      await storm;
      victimConsole.close();

      expect(accepted.size).toBeGreaterThan(10);
      expect(sent).toBeGreaterThan(accepted.size); // some posts to the dead hub failed
      const present = alertsIn(await cluster.log());
      expect([...accepted].filter((alert) => !present.has(alert))).toEqual([]);
      // The killed hub's console carries on at another hub from where it was: a delta, not a snapshot.
      const moved = await connectConsole(survivor.url);
      const resumed = await moved.hello({ clientId: 'victim-console', hubId, lastSeq: heldSeq });
      expect(resumed.kind).toBe('delta');
      moved.close();
    });

    it('answers 503 while PostgreSQL is down, tells consoles the hub is degraded, and resumes when it is back', async () => {
      cluster = await startCluster(2);
      const { hubs, postgres } = cluster;
      const statuses: HubStatus[] = [];
      const watcher = await connectConsole(hubs[0]?.url as string);
      watcher.socket.on(SOCKET_EVENTS.status, (status) => statuses.push(status));
      await watcher.hello({ clientId: 'watcher', hubId: null, lastSeq: 0 });

      const answers: number[] = [];
      const accepted = new Set<string>();
      let stop = false;
      const sender = async (lane: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          const group = `outage-${lane}-${i}`;
          const status = await postAlert(hubs[lane % 2] as RunningHub, group, 0);
          answers.push(status);
          if (status === 200) accepted.add(fingerprint(group, 0));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const senders = Promise.all([0, 1, 2, 3].map(sender));
      await eventually(() => accepted.size >= 20, '20 alerts accepted before the outage');

      const operator = consoleOn(hubs[0] as RunningHub);
      await eventually(() => operator.connectionState.status === 'live', 'the operator console live');

      postgres.stop('fast');
      await eventually(
        () => answers.slice(-8).every((status) => status === 503),
        () => `ingest answering 503 (last answers: ${answers.slice(-12).join(' ')})`,
      );
      const health = await fetch(`${hubs[1]?.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'degraded',
        store: { kind: 'postgresql', ok: false },
      });
      await eventually(() => statuses.some((status) => status.store === 'unavailable'), 'consoles told');
      // An action taken meanwhile waits in the console's outbox, which says why, and is not refused.
      await eventually(
        () => Boolean(operator.connectionState.degraded),
        'the console saying the hub is degraded',
      );
      const acknowledged = operator.sendCommand({
        commandId: ulid(),
        type: 'acknowledge',
        incidentId: 'INC-1',
      });

      postgres.start();
      await eventually(
        async () => (await fetch(`${hubs[1]?.url}/healthz`)).status === 200,
        'healthz 200 again',
      );
      const before = accepted.size;
      await eventually(() => accepted.size >= before + 20, '20 more alerts accepted after the outage');
      stop = true;
      await senders;
      await eventually(() => statuses.at(-1)?.store === 'ok', 'consoles told the hub is well again');
      expect(await acknowledged).toMatchObject({ ok: true });
      expect(operator.connectionState.degraded).toBeNull();
      watcher.close();

      expect(answers).toContain(503);
      const present = alertsIn(await cluster.log());
      expect([...accepted].filter((alert) => !present.has(alert))).toEqual([]);
    });
  },
);
