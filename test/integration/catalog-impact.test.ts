import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

// The service catalog against the real hub: health and impact over REST as alerts come and go,
// and notify_impacted telling the affected teams through real webhooks on loopback.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;
const promAuth = { authorization: 'Bearer prom-dc1-token' };

interface ServiceRow {
  id: string;
  team: string | null;
  inCatalog: boolean;
  health: string;
  impactedBy: string[];
  openIncidents: string[];
}
interface TimelineEntry {
  type: string;
  teams?: Array<{ teamId: string }>;
  target?: string;
  attempt?: number;
  /** Set on escalation pages; notify_impacted's outcomes have none. */
  level?: number;
}

/** notify_impacted's delivery outcomes, leaving out any the escalation engine records. */
const notifyOutcomes = (entries: TimelineEntry[]) =>
  entries.filter((e) => e.type.startsWith('notification_') && e.level === undefined);
/** What the receiver got from notify_impacted (its webhook bodies carry the impact). */
const notifyPosts = () =>
  receiver.posts.filter(
    (post) => typeof post.body === 'object' && post.body !== null && 'impact' in post.body,
  );

let hub: RunningHub;
let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
  const configDir = copyOfValidConfig({ webhookBase: receiver.url });
  hub = await startHub({ args: ['--config-dir', configDir] });
});
afterEach(async () => {
  await hub.kill();
  await receiver.close();
});

async function get<T>(path: string, token = 'wall-token'): Promise<T> {
  const response = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
const services = async () =>
  new Map((await get<{ services: ServiceRow[] }>('/api/v1/services')).services.map((s) => [s.id, s]));
const timeline = async (id: string) =>
  (await get<{ timeline: TimelineEntry[] }>(`/api/v1/incidents/${id}`)).timeline;

async function alertOn(service: string, groupKey: string): Promise<void> {
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

describe('service health and impact', () => {
  it('turns the dependants of a failing payments-db impacted, and back to ok when resolved', async () => {
    const before = await services();
    expect(before.size).toBe(8);
    expect([...before.values()].every((s) => s.health === 'ok' && s.impactedBy.length === 0)).toBe(true);

    await alertOn('payments-db', 'g-db');
    const during = await services();
    expect(during.get('payments-db')).toMatchObject({
      health: 'sev1',
      openIncidents: ['INC-1'],
      impactedBy: [],
    });
    expect(during.get('payments-api')).toMatchObject({ health: 'ok', impactedBy: ['payments-db'] });
    expect(during.get('checkout-web')?.impactedBy).toContain('payments-db');
    expect(during.get('search-api')?.impactedBy).toEqual([]);

    const impact = await get<{ services: Array<{ id: string; distance: number }>; teams: unknown[] }>(
      '/api/v1/incidents/INC-1/impact',
    );
    expect(impact.services.map((s) => [s.id, s.distance])).toEqual([
      ['payments-api', 1],
      ['checkout-web', 2],
    ]);
    expect(impact.teams).toEqual([
      { id: 'data-platform', name: 'Data Platform', owner: true, notified: false, notifiedAt: null },
      { id: 'payments', name: 'Payments', owner: false, notified: false, notifiedAt: null },
    ]);

    const resolved = await sendCommand(
      hub.url,
      command('set_status', 'INC-1', { status: 'resolved' }),
      'dana-token',
    );
    expect(resolved.status).toBe(200);
    const after = await services();
    expect(after.get('payments-db')).toMatchObject({ health: 'ok', openIncidents: [] });
    expect(after.get('checkout-web')?.impactedBy).toEqual([]);
  });

  it('shows an alert on a service outside the catalog as its own node, and refuses to notify for it', async () => {
    await alertOn('mystery-svc', 'g-mystery');
    const row = (await services()).get('mystery-svc');
    expect(row).toMatchObject({ team: null, inCatalog: false, health: 'sev1', impactedBy: [] });
    const refused = await sendCommand(hub.url, command('notify_impacted', 'INC-1'), 'dana-token');
    expect(refused.status).toBe(409);
    expect(refused.answer).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/not in the service catalog/) },
    });
  });

  it('gives consoles the catalog without notify secrets; 404 for an unknown incident', async () => {
    const catalog = await get<{ services: unknown[]; teams: Array<{ channels: unknown[] }> }>(
      '/api/v1/catalog',
    );
    expect(catalog.services).toHaveLength(8);
    expect(JSON.stringify(catalog)).not.toContain('/hooks/');
    expect(catalog.teams[1]?.channels).toEqual([{ kind: 'webhook', host: new URL(receiver.url).host }]);
    const missing = await hub.api(`/api/v1/incidents/INC-404/impact`, {
      headers: { authorization: 'Bearer wall-token' },
    });
    expect(missing.status).toBe(404);
  });
});

describe('notify_impacted', () => {
  it('tells the owning and downstream teams, retrying a failing webhook, and records every outcome', async () => {
    await alertOn('payments-db', 'g-db');
    receiver.failNext('/hooks/payments', 1, 503);

    const operator = await sendCommand(hub.url, command('notify_impacted', 'INC-1'), 'alice-token');
    expect(operator.status).toBe(403);

    const notified = await sendCommand(hub.url, command('notify_impacted', 'INC-1'), 'dana-token');
    expect(notified).toMatchObject({ status: 200, answer: { ok: true } });

    const delivered = async () =>
      notifyOutcomes(await timeline('INC-1')).filter((e) => e.type === 'notification_delivered').length;
    await expect.poll(delivered, { timeout: 10_000 }).toBe(2);
    const entries = await timeline('INC-1');
    const told = entries.find((e) => e.type === 'teams_notified');
    expect(told?.teams?.map((t) => t.teamId)).toEqual(['data-platform', 'payments']);
    const outcomes = notifyOutcomes(entries)
      .map((e) => [e.type, e.target, e.attempt])
      .sort();
    expect(outcomes).toEqual([
      ['notification_delivered', 'data-platform', 1],
      ['notification_delivered', 'payments', 2],
    ]);

    const paths = notifyPosts()
      .map((post) => `${post.path} ${post.status}`)
      .sort();
    expect(paths).toEqual(['/hooks/data 200', '/hooks/payments 200', '/hooks/payments 503']);
    const body = notifyPosts().find((post) => post.path === '/hooks/data')?.body as {
      incident: { id: string; severity: string };
      impact: { services: Array<{ id: string }> };
      text: string;
    };
    expect(body.incident).toMatchObject({ id: 'INC-1', severity: 'sev1' });
    expect(body.impact.services.map((s) => s.id)).toEqual(['payments-api', 'checkout-web']);
    expect(body.text).toMatch(/^\[SEV1\] INC-1: /);

    const impact = await get<{ teams: Array<{ id: string; notified: boolean; notifiedAt: string | null }> }>(
      '/api/v1/incidents/INC-1/impact',
    );
    expect(impact.teams.every((team) => team.notified && team.notifiedAt !== null)).toBe(true);
  });
});
