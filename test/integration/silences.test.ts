import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentSilences } from '../../shared/silences/silence-view';
import { alertmanagerAvailable, type RunningAlertmanager, startAlertmanager } from '../support/alertmanager';
import { command, sendCommand, sendOverSocket } from '../support/commands';
import { connectConsole, type RawConsole } from '../support/console-socket';
import { freePort, type RunningHub, startHub } from '../support/hub';
import { amtoolAvailable, amtoolSilences, configWithAlertmanagerApi, PROM_TOKEN } from '../support/silences';

// Silences through a real Prometheus Alertmanager: it delivers alerts to the hub with prom-dc1's
// credentials, the hub silences them there through its API v2, and amtool (Alertmanager's own
// command line) shows what Alertmanager really holds.

const DANA = 'dana-token'; // commander
const ALICE = 'alice-token'; // operator

let hub: RunningHub | undefined;
let alertmanager: RunningAlertmanager | undefined;
let watcher: RawConsole | undefined;
afterEach(async () => {
  watcher?.close();
  await alertmanager?.stop();
  await hub?.kill();
  watcher = undefined;
  alertmanager = undefined;
  hub = undefined;
});

interface Timeline {
  timeline: Array<{ type: string; actor: string; error?: string }>;
}

async function setUp(
  options: { silenceRole?: string } = {},
): Promise<{ hub: RunningHub; am: RunningAlertmanager }> {
  const port = await freePort();
  const amUrl = `http://127.0.0.1:${port}`;
  hub = await startHub({ args: ['--config-dir', configWithAlertmanagerApi(amUrl, options)] });
  alertmanager = await startAlertmanager({
    webhookUrl: `${hub.url}/api/v1/ingest/alertmanager`,
    port,
    bearerToken: PROM_TOKEN,
  });
  watcher = await connectConsole(hub.url, DANA);
  await watcher.hello({ clientId: 'watcher', hubId: null, lastSeq: 0 });
  return { hub, am: alertmanager };
}

const fire = (am: RunningAlertmanager, alertname: string, instance: string) =>
  am.postAlerts([
    {
      labels: { alertname, service: 'payments-db', severity: 'critical', instance },
      annotations: { summary: `${alertname} on ${instance}` },
      startsAt: new Date().toISOString(),
    },
  ]);

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function incidentFor(h: RunningHub, alertname: string): Promise<string> {
  return until(`an incident for ${alertname}`, async () => {
    const list = (await (
      await fetch(`${h.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${DANA}` } })
    ).json()) as { incidents: Array<{ id: string; title: string }> };
    return list.incidents.find((incident) => incident.title.startsWith(alertname))?.id;
  });
}

const get = async <T>(h: RunningHub, path: string): Promise<T> =>
  (await (await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${DANA}` } })).json()) as T;

describe.skipIf(!alertmanagerAvailable() || !amtoolAvailable())('silences in a real Alertmanager', () => {
  it("silences an incident's alerts where they came from, stops their delivery, and expires", async () => {
    const { hub: h, am } = await setUp();
    await fire(am, 'PostgresReplicationLag', 'pg-2');
    const incidentId = await incidentFor(h, 'PostgresReplicationLag');

    const silence = command('silence', incidentId, { minutes: 30, comment: 'replica rebuild under way' });
    const { status, answer } = await sendCommand(h.url, silence, DANA);
    expect({ status, ok: answer.ok }).toEqual({ status: 200, ok: true });

    // amtool sees it, with the derived matchers, who asked, and the comment.
    const [made] = await until('the silence in Alertmanager', async () => {
      const found = await amtoolSilences(am.url);
      return found.length > 0 ? found : undefined;
    });
    expect(made?.createdBy).toBe('Dana Reyes');
    expect(made?.comment).toContain('replica rebuild under way');
    expect(made?.matchers.map((m) => `${m.name}=${m.value}`)).toEqual([
      'alertname=PostgresReplicationLag',
      'instance=pg-2',
      'service=payments-db',
      'severity=critical',
    ]);

    // On the timeline with its actor, and listed on the incident with who made it and its end.
    const detail = await until('silence_created on the timeline', async () => {
      const body = await get<Timeline>(h, `/api/v1/incidents/${incidentId}`);
      return body.timeline.some((event) => event.type === 'silence_created') ? body : undefined;
    });
    expect(detail.timeline.find((event) => event.type === 'silence_requested')?.actor).toBe('user:dana');
    const listed = await get<IncidentSilences>(h, `/api/v1/incidents/${incidentId}/silences`);
    expect(listed.unreachable).toEqual([]);
    expect(listed.silences).toHaveLength(1);
    expect(listed.silences[0]).toMatchObject({
      id: made?.id,
      integration: 'prom-dc1',
      createdBy: 'Dana Reyes',
    });
    expect(Date.parse(listed.silences[0]?.endsAt ?? '') - Date.now()).toBeGreaterThan(25 * 60_000);

    // Alertmanager itself holds the alert as suppressed by that silence.
    const amAlerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as Array<{
      labels: Record<string, string>;
      status: { state: string; silencedBy: string[] };
    }>;
    expect(amAlerts.find((alert) => alert.labels.instance === 'pg-2')?.status).toMatchObject({
      state: 'suppressed',
      silencedBy: [made?.id],
    });

    // Expire it: amtool no longer lists it as active, the timeline says so, the list is empty.
    const expire = command('expire_silence', incidentId, { silenceId: made?.id });
    expect((await sendCommand(h.url, expire, DANA)).answer.ok).toBe(true);
    await until('the silence to end', async () =>
      (await amtoolSilences(am.url)).length === 0 ? true : undefined,
    );
    const ended = await amtoolSilences(am.url, { expired: true });
    expect(ended.map((s) => [s.id, s.status.state])).toEqual([[made?.id, 'expired']]);
    await until('silence_expired on the timeline', async () => {
      const body = await get<Timeline>(h, `/api/v1/incidents/${incidentId}`);
      return body.timeline.some((event) => event.type === 'silence_expired') ? true : undefined;
    });
    expect((await get<IncidentSilences>(h, `/api/v1/incidents/${incidentId}/silences`)).silences).toEqual([]);
  }, 60_000);

  it('makes one silence for a replayed commandId, and what it silences is no longer delivered', async () => {
    const { hub: h, am } = await setUp();
    await fire(am, 'KafkaLag', 'k-1');
    const incidentId = await incidentFor(h, 'KafkaLag');
    const silence = command('silence', incidentId, {
      minutes: 10,
      comment: 'lag expected during reindex',
      matchers: [
        { name: 'alertname', value: 'KafkaLag', isRegex: false, isEqual: true },
        { name: 'instance', value: 'k-1|k-2', isRegex: true, isEqual: true },
      ],
    });
    const first = await sendCommand(h.url, silence, DANA);
    const again = await sendCommand(h.url, silence, DANA);
    const socket = await sendOverSocket(watcher as RawConsole, silence);
    expect(again.answer).toEqual(first.answer);
    expect(socket).toEqual(first.answer);
    await until('silence_created', async () => {
      const body = await get<Timeline>(h, `/api/v1/incidents/${incidentId}`);
      return body.timeline.some((event) => event.type === 'silence_created') ? true : undefined;
    });
    const made = await amtoolSilences(am.url);
    expect(made.map((s) => s.matchers.map((m) => `${m.name}=${m.value}`))).toEqual([
      ['alertname=KafkaLag', 'instance=k-1|k-2'],
    ]);
    const body = await get<Timeline>(h, `/api/v1/incidents/${incidentId}`);
    expect(body.timeline.filter((event) => event.type === 'silence_requested')).toHaveLength(1);

    // Two new alerts in the same Alertmanager group, one silenced: the group's next notification
    // brings k-3 to the incident and leaves k-2 out.
    await fire(am, 'KafkaLag', 'k-2');
    await fire(am, 'KafkaLag', 'k-3');
    const instances = async (): Promise<string[]> => {
      const detail = await get<{ alerts: Array<{ labels: Record<string, string> }> }>(
        h,
        `/api/v1/incidents/${incidentId}`,
      );
      return detail.alerts.map((alert) => alert.labels.instance ?? '').sort();
    };
    await until('k-3 on the incident', async () => ((await instances()).includes('k-3') ? true : undefined));
    expect(await instances()).toEqual(['k-1', 'k-3']);
  }, 60_000);

  it('refuses operators by default and says which role it takes; nothing reaches Alertmanager', async () => {
    const { hub: h, am } = await setUp();
    await fire(am, 'CpuHigh', 'web-1');
    const incidentId = await incidentFor(h, 'CpuHigh');
    const session = await (
      await fetch(`${h.url}/api/v1/session`, { headers: { authorization: `Bearer ${ALICE}` } })
    ).json();
    expect(session).toMatchObject({
      user: { id: 'alice', role: 'operator' },
      silenceRole: 'commander',
      // prom-dc1 has its api_url here: the console offers silencing (to those with the role).
      silenceApis: ['prom-dc1'],
    });
    const refused = await sendCommand(
      h.url,
      command('silence', incidentId, { minutes: 5, comment: 'x' }),
      ALICE,
    );
    expect(refused.status).toBe(403);
    expect(refused.answer).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Alice Moreau is signed in as operator; silence needs the commander role.',
      },
    });
    const invalid = await sendCommand(
      h.url,
      command('silence', incidentId, {
        minutes: 5,
        comment: 'x',
        matchers: [{ name: 'alertname', value: '.*', isRegex: true, isEqual: true }],
      }),
      DANA,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.answer.ok === false && invalid.answer.error.message).toMatch(
      /^matchers: .*silence everything/,
    );
    expect(await amtoolSilences(am.url)).toEqual([]);
  }, 60_000);

  it('lets operators silence when integrations.yaml says so', async () => {
    const { hub: h, am } = await setUp({ silenceRole: 'operator' });
    await fire(am, 'CpuHigh', 'web-2');
    const incidentId = await incidentFor(h, 'CpuHigh');
    const { answer } = await sendCommand(
      h.url,
      command('silence', incidentId, { minutes: 5, comment: 'noisy' }),
      ALICE,
    );
    expect(answer.ok).toBe(true);
    const [made] = await until('the silence', async () => {
      const found = await amtoolSilences(am.url);
      return found.length > 0 ? found : undefined;
    });
    expect(made?.createdBy).toBe('Alice Moreau');
  }, 60_000);

  it('records which Alertmanager refused what when it cannot be reached', async () => {
    const { hub: h, am } = await setUp();
    await fire(am, 'MemoryHigh', 'web-3');
    const incidentId = await incidentFor(h, 'MemoryHigh');
    await am.stop();
    alertmanager = undefined;
    await sendCommand(h.url, command('silence', incidentId, { minutes: 5, comment: 'x' }), DANA);
    const failed = await until(
      'silence_failed',
      async () =>
        (await get<Timeline>(h, `/api/v1/incidents/${incidentId}`)).timeline.find(
          (event) => event.type === 'silence_failed',
        ),
      30_000,
    );
    expect(failed.error).toMatch(
      /prom-dc1 \(127\.0\.0\.1:\d+\) did not answer listing silences: network error ECONNREFUSED/,
    );
    const listed = await get<IncidentSilences>(h, `/api/v1/incidents/${incidentId}/silences`);
    expect(listed.unreachable[0]).toMatch(/^prom-dc1 .* did not answer listing silences/);
  }, 60_000);
});
