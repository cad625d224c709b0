import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EscalationsResponse } from '../../shared/escalation/escalations-view';
import type { EscalationLevelPaged, HubEvent } from '../../shared/events';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig, writeLadder } from '../support/config-folder';
import { logRecords, postJson, type RunningHub, samplesDir, startHub, tempDataDir } from '../support/hub';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// Escalations against the real hub process: deadlines that survive kill -9 (paged once, never
// early, never again), pages delivered to a real HTTP receiver on loopback with retries, the
// escalations API and the escalate command. Minutes are fractions here (0.1 min = 6 s) so the
// ladder runs in test time on the real clock.

const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
const promAuth = { authorization: 'Bearer prom-dc1-token' };

let hubs: RunningHub[] = [];
let receiver: WebhookReceiver | null = null;
afterEach(async () => {
  await Promise.all(hubs.map((hub) => hub.kill()));
  hubs = [];
  await receiver?.close();
  receiver = null;
});

/** The example config with one policy — dana and team sre, then the NOC rotation — and hooks on `base`. */
async function configFolder(firstLevelMinutes: number): Promise<string> {
  receiver = await startWebhookReceiver();
  const dir = copyOfValidConfig({ webhookBase: receiver.url });
  writeLadder(dir, [
    `{ notify: [user:dana, team:sre], escalate_after_minutes: ${firstLevelMinutes} }`,
    '{ notify: [rotation:noc-primary], escalate_after_minutes: 60 }',
  ]);
  return dir;
}

async function start(configDir: string, dataDir?: string): Promise<RunningHub> {
  const hub = await startHub({ args: ['--config-dir', configDir], ...(dataDir ? { dataDir } : {}) });
  hubs.push(hub);
  return hub;
}

async function openIncident(hub: RunningHub): Promise<string> {
  expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing, promAuth)).status).toBe(200);
  return 'INC-1';
}

async function events(hub: RunningHub, id: string): Promise<HubEvent[]> {
  const response = await hub.api(`/api/v1/incidents/${id}/events`, {
    headers: { authorization: 'Bearer wall-token' },
  });
  return ((await response.json()) as { events: HubEvent[] }).events;
}

async function pages(hub: RunningHub, id: string): Promise<EscalationLevelPaged[]> {
  return (await events(hub, id)).filter(
    (e): e is EscalationLevelPaged => e.type === 'escalation_level_paged',
  );
}

async function firstPage(hub: RunningHub, id: string): Promise<EscalationLevelPaged> {
  await expect.poll(async () => (await pages(hub, id)).length).toBeGreaterThan(0);
  return (await pages(hub, id))[0] as EscalationLevelPaged;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deadlines across kill -9', () => {
  it('pages a level whose deadline passed while the hub was down once, on start, and never again', async () => {
    const configDir = await configFolder(0.05); // 3 s
    const dataDir = tempDataDir();
    const first = await start(configDir, dataDir);
    const id = await openIncident(first);
    const level1 = await firstPage(first, id);
    await first.kill('SIGKILL');
    expect(level1.dueNext).not.toBeNull();

    await sleep((level1.dueNext ?? 0) - Date.now() + 500);
    const restartedAt = Date.now();
    const second = await start(configDir, dataDir);
    await expect.poll(async () => (await pages(second, id)).length, { timeout: 10_000 }).toBe(2);
    const level2 = (await pages(second, id))[1];
    expect(level2).toMatchObject({ level: 2, actor: { kind: 'system' } });
    expect(level2?.at).toBeGreaterThanOrEqual(restartedAt);
    await second.stop();

    const third = await start(configDir, dataDir);
    await sleep(1500);
    expect((await pages(third, id)).map((page) => page.level)).toEqual([1, 2]);
  }, 60_000);

  it('pages on time, not before, when restarted before the deadline', async () => {
    const configDir = await configFolder(0.2); // 12 s: room for a slow restart before it
    const dataDir = tempDataDir();
    const first = await start(configDir, dataDir);
    const id = await openIncident(first);
    const level1 = await firstPage(first, id);
    await first.kill('SIGKILL');

    const second = await start(configDir, dataDir);
    const due = level1.dueNext ?? 0;
    expect(Date.now()).toBeLessThan(due); // the restarted hub was up before the deadline
    expect((await pages(second, id)).length).toBe(1);
    await expect.poll(async () => (await pages(second, id)).length, { timeout: 20_000 }).toBe(2);
    expect((await pages(second, id))[1]?.at).toBeGreaterThanOrEqual(due);
    await sleep(1000);
    expect((await pages(second, id)).length).toBe(2);
  }, 60_000);
});

describe('paging over webhooks', () => {
  it('retries a failing receiver and delivers on the third try, the failures in the timeline', async () => {
    const configDir = await configFolder(30);
    receiver?.failNext('/hooks/dana', 2, 500);
    const hub = await start(configDir);
    const id = await openIncident(hub);

    const outcome = async () =>
      (await events(hub, id)).flatMap((e) =>
        (e.type === 'notification_delivered' || e.type === 'notification_failed') && e.target === 'dana'
          ? [
              `${e.type} #${e.attempt}${e.type === 'notification_failed' ? ` ${e.error}${e.retrying ? ' retrying' : ''}` : ''}`,
            ]
          : [],
      );
    await expect.poll(outcome, { timeout: 15_000 }).toContain('notification_delivered #3');
    expect(await outcome()).toEqual([
      'notification_failed #1 HTTP 500 retrying',
      'notification_failed #2 HTTP 500 retrying',
      'notification_delivered #3',
    ]);

    const toDana = receiver?.posts.filter((post) => post.path === '/hooks/dana') ?? [];
    expect(toDana.map((post) => post.status)).toEqual([500, 500, 200]);
    expect(toDana[2]?.body).toMatchObject({
      incident: { id, severity: 'sev1' },
      level: 1,
      paged: expect.arrayContaining([{ id: 'dana', name: 'Dana Reyes' }]),
      text: expect.stringContaining('Escalation level 1 pages Dana Reyes'),
    });
    const slack = receiver?.posts.find((post) => post.path === '/slack/sre');
    expect(Object.keys((slack?.body as object) ?? {})).toEqual(['text']);
  });
});

describe('people no page can reach', () => {
  it('are named once at start, with the file and how they come to be paged', async () => {
    const hub = await start(await configFolder(30));
    const warnings = logRecords(hub.output()).filter((record) =>
      record.msg.includes('can be paged but no page reaches them'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warn');
    expect(warnings[0]?.msg).toContain(
      'config: warning: escalation.yaml: 2 people can be paged but no page reaches them',
    );
    expect(warnings[0]?.msg).toContain(
      '"alice" (Alice Moreau, rotation noc-primary); "bob" (Bob Okafor, rotation noc-primary)',
    );
  });
});

describe('the escalations API and the escalate command', () => {
  it('shows who is paged, who is next and when, and who is on call; operators escalate, viewers may not', async () => {
    const hub = await start(await configFolder(30));
    const id = await openIncident(hub);
    await firstPage(hub, id);

    expect((await hub.api(`/api/v1/escalations`)).status).toBe(401);
    const response = await hub.api(`/api/v1/escalations`, {
      headers: { authorization: 'Bearer wall-token' },
    });
    const view = (await response.json()) as EscalationsResponse;
    expect(view.escalations).toHaveLength(1);
    expect(view.escalations[0]).toMatchObject({
      incidentId: id,
      severity: 'sev1',
      policyId: 'ladder',
      level: 1,
      levels: 2,
      pagedUserIds: ['dana', 'alice', 'bob'],
      // Dana by her webhook, Alice and Bob by team sre's channel: everyone paged now is reached.
      unreachableUserIds: [],
      next: { level: 2, userIds: [expect.stringMatching(/^(alice|bob)$/)] },
    });
    // The rotation alone pages whoever is on call, who has no webhook: that page reaches nobody.
    expect(view.escalations[0]?.next?.unreachableUserIds).toEqual(view.escalations[0]?.next?.userIds);
    expect(Date.parse(view.escalations[0]?.next?.at ?? '') - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(view.oncall.map((rotation) => rotation.rotationId)).toEqual(['noc-primary', 'data-oncall']);
    expect(view.oncall[0]).toMatchObject({ timezone: 'UTC', userId: expect.stringMatching(/^(alice|bob)$/) });

    expect((await sendCommand(hub.url, command('escalate', id), 'wall-token')).status).toBe(403);
    const escalated = await sendCommand(hub.url, command('escalate', id), 'alice-token');
    expect(escalated.answer.ok).toBe(true);
    expect((await pages(hub, id))[1]).toMatchObject({ level: 2, actor: { kind: 'user', id: 'alice' } });

    await sendCommand(hub.url, command('acknowledge', id), 'bob-token');
    await expect
      .poll(async () => (await events(hub, id)).some((e) => e.type === 'escalation_stopped'))
      .toBe(true);
    const after = (await (
      await hub.api(`/api/v1/escalations`, { headers: { authorization: 'Bearer wall-token' } })
    ).json()) as EscalationsResponse;
    expect(after.escalations).toEqual([]);
  });
});
