import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectConsole } from '../support/console-socket';
import { hubFetch, postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// The real hub process, real HTTP, real socket.io-client.

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(samplesDir, name), 'utf8')) as Record<string, unknown>;

let hub: RunningHub | undefined;
afterEach(async () => {
  await hub?.kill();
  hub = undefined;
});

async function allIncidents(url: string): Promise<Array<Record<string, unknown>>> {
  const response = await hubFetch(`${url}/api/v1/incidents?status=all`);
  return ((await response.json()) as { incidents: Array<Record<string, unknown>> }).incidents;
}

describe('ingest', () => {
  it('turns an Alertmanager webhook into events with the next seqs, streamed to a console', async () => {
    hub = await startHub();
    const console1 = await connectConsole(hub.url);
    const start = await console1.hello({ clientId: 'c1', hubId: null, lastSeq: 0 });
    expect(start).toMatchObject({ kind: 'snapshot', snapshot: { seq: 0, incidents: [] } });

    const answer = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      sample('alertmanager-firing.json'),
    );
    expect(answer).toEqual({ status: 200, body: { status: 'success' } });
    await console1.waitForSeq(3);
    expect(console1.live.map((event) => [event.seq, event.type])).toEqual([
      [1, 'incident_opened'],
      [2, 'alert_fired'],
      [3, 'alert_fired'],
    ]);

    const resolved = await postJson(
      `${hub.url}/api/v1/ingest/alertmanager`,
      sample('alertmanager-resolved.json'),
    );
    expect(resolved.status).toBe(200);
    await console1.waitForSeq(6);
    expect(console1.live.slice(3).map((event) => event.type)).toEqual([
      'alert_resolved',
      'alert_resolved',
      'incident_resolved',
    ]);
    const [incident] = await allIncidents(hub.url);
    expect(incident).toMatchObject({ status: 'resolved', alertCount: 2, firingCount: 0, severity: 'sev1' });
    console1.close();
  });

  it('answers PagerDuty Events v2 like PagerDuty does, on both paths', async () => {
    hub = await startHub();
    const trigger = sample('pagerduty-trigger.json');
    const first = await postJson(`${hub.url}/v2/enqueue`, trigger);
    expect(first).toEqual({
      status: 202,
      body: { status: 'success', message: 'Event processed', dedup_key: 'dc1/lb-edge-4/packet-loss' },
    });
    const repeat = await postJson(`${hub.url}/api/v1/ingest/pagerduty`, trigger);
    expect(repeat.status).toBe(202);
    const noKey = await postJson(`${hub.url}/v2/enqueue`, { ...trigger, dedup_key: undefined });
    expect((noKey.body as { dedup_key: string }).dedup_key).toMatch(/^[0-9A-Z]{26}$/);
    expect(await allIncidents(hub.url)).toHaveLength(2);

    const resolve = await postJson(`${hub.url}/v2/enqueue`, {
      routing_key: trigger.routing_key,
      event_action: 'resolve',
      dedup_key: 'dc1/lb-edge-4/packet-loss',
    });
    expect(resolve.status).toBe(202);
    // Only the incident of that dedup_key resolves; the one with a made-up key stays open.
    const statuses = (await allIncidents(hub.url))
      .map((incident) => [incident.severity, incident.status])
      .sort();
    expect(statuses).toEqual([
      ['sev2', 'investigating'],
      ['sev2', 'resolved'],
    ]);
  });

  it('refuses bad bodies with the right 4xx, names the field, stores nothing and keeps serving', async () => {
    hub = await startHub();
    const url = `${hub.url}/api/v1/ingest/alertmanager`;
    const good = sample('alertmanager-firing.json');
    const badAlert = { ...good, alerts: [{ ...(good.alerts as object[])[0], status: 'burning' }] };

    const invalid = await postJson(url, badAlert);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: 'invalid_body', path: 'alerts[0].status' } });

    const notJson = await postJson(url, '{"alerts": [');
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });

    const wrongType = await postJson(url, good, { 'content-type': 'text/plain' });
    expect(wrongType).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });

    const huge = { ...good, padding: 'x'.repeat(600 * 1024) };
    const tooLarge = await postJson(url, huge);
    expect(tooLarge).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });

    const missingField = await postJson(`${hub.url}/v2/enqueue`, { event_action: 'trigger' });
    expect(missingField).toMatchObject({ status: 400, body: { error: { path: 'routing_key' } } });

    expect(await allIncidents(hub.url)).toEqual([]);
    const console1 = await connectConsole(hub.url);
    expect(await console1.hello({ clientId: 'c', hubId: null, lastSeq: 0 })).toMatchObject({
      snapshot: { seq: 0 },
    });
    console1.close();

    expect((await postJson(url, good)).status).toBe(200);
    expect(await allIncidents(hub.url)).toHaveLength(1);
  });

  it('keeps every acknowledged alert through SIGKILL and restart', async () => {
    hub = await startHub();
    const base = sample('alertmanager-firing.json');
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      groupKey: `{}:{alertname="Crash${i}"}`,
      alerts: (base.alerts as Array<Record<string, unknown>>).map((alert, j) => ({
        ...alert,
        fingerprint: `fp-${i}-${j}`,
      })),
    }));
    const answers = await Promise.all(
      bodies.map((body) => postJson(`${hub?.url}/api/v1/ingest/alertmanager`, body)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);

    const { dataDir } = hub;
    await hub.kill('SIGKILL');
    hub = await startHub({ dataDir });
    const incidents = await allIncidents(hub.url);
    expect(incidents).toHaveLength(40);
    expect(incidents.every((incident) => incident.alertCount === 2)).toBe(true);

    // The log continues without a gap after the restart.
    const console1 = await connectConsole(hub.url);
    const start = await console1.hello({ clientId: 'c', hubId: null, lastSeq: 0 });
    expect(start).toMatchObject({ kind: 'snapshot', snapshot: { seq: 120 } });
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, { ...base, groupKey: 'after-restart' });
    await console1.waitForSeq(123);
    expect(console1.live[0]?.seq).toBe(121);
    console1.close();
  });
});
