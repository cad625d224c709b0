import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent, NotificationDelivered, NotificationFailed } from '../../shared/events';
import { alertmanagerAvailable, type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { eventually, leaderAndFollower, startCluster, type TestCluster } from '../support/cluster';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { type HoldingRelay, startHoldingRelay } from '../support/holding-relay';
import { freePort, postJson, type RunningHub, samplesDir, startHub, tempDataDir } from '../support/hub';
import { postgresMissing } from '../support/postgres';
import { amtoolAvailable, amtoolSilences, configWithAlertmanagerApi, PROM_TOKEN } from '../support/silences';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// What a leader had under way when it died is finished by the next one: a page, a notify_impacted
// and a silence request, each interrupted between its call and the record of its outcome (the
// receiver holds the POST open; a relay keeps Alertmanager's answer), then the leader SIGKILLed.
// The new leader (or the same SQLite hub restarted) sends it again with the same Idempotency-Key,
// and the timeline ends with exactly one final outcome per delivery; Alertmanager holds one silence.

const missing = postgresMissing();
const promAuth = { authorization: `Bearer ${PROM_TOKEN}` };
const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;

let cluster: TestCluster | null = null;
let single: RunningHub | null = null;
let receiver: WebhookReceiver | null = null;
let relay: HoldingRelay | null = null;
let alertmanager: RunningAlertmanager | null = null;
afterEach(async () => {
  await cluster?.destroy();
  await single?.kill();
  await alertmanager?.stop();
  await relay?.close();
  await receiver?.close();
  cluster = single = receiver = relay = alertmanager = null;
});

/** One level, paging dana (her webhook is /hooks/dana), with nothing after it for an hour. */
function onePageConfig(dir: string): string {
  writeLadder(dir, ['{ notify: [user:dana], escalate_after_minutes: 60 }']);
  return dir;
}

async function ingest(hub: RunningHub, service: string, groupKey: string): Promise<void> {
  const labels = { ...(firing.commonLabels as Record<string, string>), service };
  const alerts = (firing.alerts as Array<Record<string, unknown>>).map((alert, i) => ({
    ...alert,
    labels: { ...labels, instance: `host-${i}` },
    fingerprint: `${groupKey}-${i}`,
  }));
  const answer = await postJson(
    `${hub.url}/api/v1/ingest/alertmanager`,
    { ...firing, groupKey, commonLabels: labels, alerts },
    promAuth,
  );
  expect(answer.status).toBe(200);
}

type Outcome = NotificationDelivered | NotificationFailed;
const outcomes = (log: ReadonlyArray<HubEvent>): Outcome[] =>
  log.filter(
    (event): event is Outcome =>
      event.type === 'notification_delivered' || event.type === 'notification_failed',
  );
const final = (log: ReadonlyArray<HubEvent>): Outcome[] =>
  outcomes(log).filter((event) => !(event.type === 'notification_failed' && event.retrying === true));

/** Final outcomes per delivery id; every delivery must have exactly one. */
function finalsByDelivery(log: ReadonlyArray<HubEvent>): Map<string, Outcome[]> {
  const byId = new Map<string, Outcome[]>();
  for (const event of final(log)) {
    const id = event.deliveryId ?? '(none)';
    byId.set(id, [...(byId.get(id) ?? []), event]);
  }
  return byId;
}

const postsTo = (path: string) => (receiver as WebhookReceiver).posts.filter((post) => post.path === path);

describe.skipIf(missing !== null)(
  `a new leader finishes deliveries${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('delivers a page the killed leader had in flight, once on the timeline, with the same key', {
      timeout: 90_000,
    }, async () => {
      receiver = await startWebhookReceiver();
      receiver.holdNext('/hooks/dana', 1);
      const config = onePageConfig(copyOfValidConfig({ webhookBase: receiver.url }));
      cluster = await startCluster(2, { args: ['--config-dir', config] });
      const { leader, follower } = await leaderAndFollower(cluster);

      await ingest(follower, 'payments-db', 'resume-page');
      await eventually(() => postsTo('/hooks/dana').length === 1, 'the page on its way to dana');
      await leader.kill('SIGKILL');

      await eventually(
        () => postsTo('/hooks/dana').some((post) => post.status === 200),
        'the page delivered by the new leader',
        30_000,
      );
      const log = await (cluster as TestCluster).log();
      const page = log.find((event) => event.type === 'escalation_level_paged');
      await eventually(async () => final(await (cluster as TestCluster).log()).length === 1, 'its outcome');
      const after = await (cluster as TestCluster).log();
      expect(final(after).map((e) => [e.type, e.target, e.deliveryId])).toEqual([
        [
          'notification_delivered',
          'dana',
          expect.stringMatching(new RegExp(`^${page?.seq}\\.[0-9a-f]{12}$`)),
        ],
      ]);
      const keys = postsTo('/hooks/dana').map((post) => post.idempotencyKey);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(new RegExp(`-${page?.seq}\\.[0-9a-f]{12}$`));
    });

    it('finishes a notify_impacted the killed leader had in flight', { timeout: 90_000 }, async () => {
      receiver = await startWebhookReceiver();
      receiver.holdNext('/hooks/data', 1);
      const config = onePageConfig(copyOfValidConfig({ webhookBase: receiver.url }));
      cluster = await startCluster(2, { args: ['--config-dir', config] });
      const { leader, follower } = await leaderAndFollower(cluster);

      await ingest(follower, 'payments-db', 'resume-notify');
      const told = await sendCommand(follower.url, command('notify_impacted', 'INC-1'), 'dana-token');
      expect(told).toMatchObject({ status: 200, answer: { ok: true } });
      await eventually(() => postsTo('/hooks/data').length === 1, 'the notice on its way to data-platform');
      await leader.kill('SIGKILL');

      await eventually(
        () => postsTo('/hooks/data').some((post) => post.status === 200),
        'the notice delivered by the new leader',
        30_000,
      );
      const notices = async () =>
        final(await (cluster as TestCluster).log()).filter((event) => event.level === undefined);
      await eventually(async () => (await notices()).length === 2, 'both teams with an outcome');
      // Give a second delivery (two leaders, a resume of what was finished) the time to show.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const log = await (cluster as TestCluster).log();
      const notified = log.find((event) => event.type === 'teams_notified');
      const byDelivery = finalsByDelivery(log);
      const noticeIds = [...byDelivery.keys()].filter((id) => id.startsWith(`${notified?.seq}.`)).sort();
      expect(noticeIds).toHaveLength(2);
      for (const id of noticeIds) expect(id).toMatch(/^\d+\.[0-9a-f]{12}$/);
      for (const id of noticeIds)
        expect(byDelivery.get(id)?.map((e) => e.type)).toEqual(['notification_delivered']);
      for (const path of ['/hooks/data', '/hooks/payments']) {
        const keys = new Set(postsTo(path).map((post) => post.idempotencyKey));
        expect(keys.size, path).toBe(1);
      }
      expect(postsTo('/hooks/data')).toHaveLength(2);
    });

    it('does not tell teams of an incident resolved before the new leader took over', {
      timeout: 90_000,
    }, async () => {
      receiver = await startWebhookReceiver();
      receiver.holdNext('/hooks/data', 1);
      const config = onePageConfig(copyOfValidConfig({ webhookBase: receiver.url }));
      cluster = await startCluster(2, { args: ['--config-dir', config] });
      const { leader, follower } = await leaderAndFollower(cluster);

      await ingest(follower, 'payments-db', 'resume-notify-resolved');
      const told = await sendCommand(follower.url, command('notify_impacted', 'INC-1'), 'dana-token');
      expect(told).toMatchObject({ status: 200, answer: { ok: true } });
      await eventually(() => postsTo('/hooks/data').length === 1, 'the notice on its way to data-platform');
      const resolved = await sendCommand(
        follower.url,
        command('set_status', 'INC-1', { status: 'resolved' }),
        'dana-token',
      );
      expect(resolved).toMatchObject({ status: 200, answer: { ok: true } });
      await leader.kill('SIGKILL');

      const dataOutcome = async () =>
        final(await (cluster as TestCluster).log()).filter(
          (event) => event.level === undefined && event.target === 'data-platform',
        );
      await eventually(
        async () => (await dataOutcome()).length === 1,
        "data-platform's notice with an outcome",
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const outcome = await dataOutcome();
      expect(outcome.map((event) => [event.type, (event as NotificationFailed).error])).toEqual([
        [
          'notification_failed',
          'not sent after leader change: the incident was resolved or merged meanwhile',
        ],
      ]);
      // Only the post the dead leader had on its way: nobody is told again of what is over.
      expect(postsTo('/hooks/data')).toHaveLength(1);
    });
  },
);

describe.skipIf(missing !== null || !alertmanagerAvailable() || !amtoolAvailable())(
  `a new leader finishes a silence request${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('finds the silence the killed leader made instead of making another', {
      timeout: 90_000,
    }, async () => {
      const amPort = await freePort();
      const amUrl = `http://127.0.0.1:${amPort}`;
      relay = await startHoldingRelay(amUrl);
      const config = onePageConfig(configWithAlertmanagerApi(relay.url));
      cluster = await startCluster(2, { args: ['--config-dir', config] });
      const { leader, follower } = await leaderAndFollower(cluster);
      alertmanager = await startAlertmanager({
        webhookUrl: `${follower.url}/api/v1/ingest/alertmanager`,
        port: amPort,
        bearerToken: PROM_TOKEN,
      });
      await alertmanager.postAlerts([
        {
          labels: {
            alertname: 'ResumeSilence',
            service: 'payments-db',
            severity: 'critical',
            instance: 'pg-9',
          },
          annotations: { summary: 'ResumeSilence on pg-9' },
          startsAt: new Date().toISOString(),
        },
      ]);
      await eventually(
        async () => (await (cluster as TestCluster).log()).some((e) => e.type === 'incident_opened'),
        'the incident from Alertmanager',
      );

      relay.holdNext('POST', '/api/v2/silences', 1);
      const silence = command('silence', 'INC-1', { minutes: 30, comment: 'resume across leaders' });
      expect((await sendCommand(follower.url, silence, 'dana-token')).answer.ok).toBe(true);
      await eventually(() => (relay as HoldingRelay).withheld === 1, 'the silence made, its answer withheld');
      await leader.kill('SIGKILL');

      const outcomesOf = async () =>
        (await (cluster as TestCluster).log()).filter(
          (e) =>
            (e.type === 'silence_created' || e.type === 'silence_failed') &&
            e.requestId === silence.commandId,
        );
      await eventually(
        async () => (await outcomesOf()).length > 0,
        'the silence recorded by the new leader',
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const made = await amtoolSilences(amUrl);
      expect(made).toHaveLength(1);
      expect(
        (await outcomesOf()).map((e) => [e.type, e.type === 'silence_created' ? e.silenceId : null]),
      ).toEqual([['silence_created', made[0]?.id]]);
    });
  },
);

describe('a single hub restarted mid-delivery', () => {
  it('delivers the page it had in flight when it was killed, with the same key', {
    timeout: 60_000,
  }, async () => {
    receiver = await startWebhookReceiver();
    receiver.holdNext('/hooks/dana', 1);
    const config = onePageConfig(copyOfValidConfig({ webhookBase: receiver.url }));
    const dataDir = tempDataDir();
    const first = await startHub({ dataDir, args: ['--config-dir', config] });
    single = first;
    await ingest(first, 'payments-db', 'restart-page');
    await eventually(() => postsTo('/hooks/dana').length === 1, 'the page on its way to dana');
    await first.kill('SIGKILL');

    single = await startHub({ dataDir, args: ['--config-dir', config] });
    await eventually(
      () => postsTo('/hooks/dana').some((post) => post.status === 200),
      'the page delivered after the restart',
    );
    const timeline = async (): Promise<HubEvent[]> =>
      (
        (await (
          await fetch(`${(single as RunningHub).url}/api/v1/incidents/INC-1`, {
            headers: { authorization: 'Bearer dana-token' },
          })
        ).json()) as { timeline: HubEvent[] }
      ).timeline;
    await eventually(async () => final(await timeline()).length === 1, 'its outcome on the timeline');
    const events = await timeline();
    const page = events.find((event) => event.type === 'escalation_level_paged');
    expect(final(events).map((e) => [e.type, e.target, e.deliveryId])).toEqual([
      ['notification_delivered', 'dana', expect.stringMatching(new RegExp(`^${page?.seq}\\.[0-9a-f]{12}$`))],
    ]);
    const keys = postsTo('/hooks/dana').map((post) => post.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });
});
