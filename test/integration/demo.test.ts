import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOfValidConfig } from '../support/config-folder';
import { logRecords, postJson, type RunningHub, startHub, tempDataDir } from '../support/hub';

// The demo on the real hub: `--demo` runs the example estate in open local mode, writes marked
// history, and within moments every view has something true to show — incidents, escalations
// paging rotation members, impact across the catalog (its cycle included), notify impacted
// delivered to the demo's own receiver. `--drill` plays the same outage at 1× with nobody
// scripted. The console's button sets the demo up on a bare hub and is refused on a hub that
// runs an organisation's configuration.

const FAST = { SITROOM_DEMO_SPEED: '40' };
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) {
    await hub.stop();
    rmSync(hub.dataDir, { recursive: true, force: true });
  }
});

async function start(
  args: string[],
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningHub> {
  const hub = await startHub({ args, env, ...(dataDir ? { dataDir } : {}), timeoutMs: 30_000 });
  hubs.push(hub);
  return hub;
}

async function get<T>(hub: RunningHub, path: string): Promise<T> {
  const response = await hub.api(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface Summary {
  id: string;
  title: string;
  severity: string;
  status: string;
  services: string[];
  commander: string | null;
}
interface TimelineEntry {
  type: string;
  actor: string;
  host?: string;
  level?: number;
}
/** The open incidents: the demo's history is all resolved. */
const incidents = async (hub: RunningHub) =>
  (await get<{ incidents: Summary[] }>(hub, '/api/v1/incidents')).incidents;
const incidentOn = async (hub: RunningHub, service: string) =>
  (await incidents(hub)).find((incident) => incident.services.includes(service));

describe('npm run hub -- --demo', () => {
  it('fills every view from the example estate, in open local mode with the example people', async () => {
    const hub = await start(['--demo'], FAST);
    expect(hub.output()).toContain('open local mode (the demo)');
    expect(hub.output().split('dependency cycle auth-api → user-service → auth-api')).toHaveLength(2);

    // No token: everyone is the local admin, and the example people can be named.
    const session = await get<{ user: { id: string }; openMode: boolean }>(hub, '/api/v1/session');
    expect(session).toMatchObject({ user: { id: 'local' }, openMode: true });
    const people = (await get<{ users: Array<{ id: string }> }>(hub, '/api/v1/users')).users.map((u) => u.id);
    expect(people).toEqual(
      expect.arrayContaining(['local', 'dana', 'fatima', 'noah', 'sofia', 'tom', 'raj']),
    );

    // Statistics: two weeks of history, written before the first live alert.
    const week = await get<{ totals: { incidents: number; acknowledged: number } }>(
      hub,
      '/api/v1/statistics',
    );
    expect(week.totals.incidents).toBeGreaterThanOrEqual(10);
    expect(week.totals.acknowledged).toBeGreaterThan(0);

    // Board and map: the cascade, the identity pair that needs each other, and what they hurt.
    await expect
      .poll(async () => (await incidentOn(hub, 'auth-api'))?.severity, { timeout: 20_000 })
      .toBe('sev2');
    const services = new Map(
      (
        await get<{ services: Array<{ id: string; health: string; impactedBy: string[] }> }>(
          hub,
          '/api/v1/services',
        )
      ).services.map((service) => [service.id, service]),
    );
    expect(services.get('payments-db')?.health).toBe('sev1');
    expect(services.get('checkout-web')?.impactedBy).toContain('payments-db');
    expect(services.get('auth-api')?.impactedBy).toContain('user-service');
    expect(services.get('user-service')?.impactedBy).toContain('auth-api');

    // What changed before it broke: the analytics deploy on payments-db shows on checkout-web's
    // incident (payments-db is its dependency), with checkout-web's own deploy; search-api's flag
    // (not a dependency) does not.
    const checkout = await incidentOn(hub, 'checkout-web');
    const { changes } = await get<{ changes: Array<{ service: string; summary: string }> }>(
      hub,
      `/api/v1/incidents/${checkout?.id}/changes`,
    );
    expect(changes.map((change) => change.service).sort()).toEqual(['checkout-web', 'payments-db']);

    // Escalations: ladders running, paging who the example rotations have on call.
    const { escalations } = await get<{ escalations: Array<{ pagedUserIds: string[]; next: unknown }> }>(
      hub,
      '/api/v1/escalations',
    );
    expect(escalations.length).toBeGreaterThan(0);
    for (const escalation of escalations) {
      expect(escalation.pagedUserIds.length).toBeGreaterThan(0);
      for (const id of escalation.pagedUserIds) expect(people).toContain(id);
    }

    // The incident commander on call took command and told the impacted teams, and the
    // demo's receiver took every message.
    const api = await incidentOn(hub, 'payments-api');
    expect(['dana', 'olga', 'raj']).toContain(api?.commander);
    await expect
      .poll(
        async () =>
          (await get<{ timeline: TimelineEntry[] }>(hub, `/api/v1/incidents/${api?.id}`)).timeline.filter(
            (entry) => entry.type === 'notification_delivered' && entry.level === undefined,
          ).length,
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(2);
    expect(logRecords(hub.output()).map((record) => record.msg)).toContainEqual(
      expect.stringMatching(
        /demo receiver: \/hooks\.slack\.com\/services\/\S+\/payments-incidents ← "\[SEV1\]/,
      ),
    );
    // The data engineer paged for the database acknowledged it and works its runbook.
    const db = await incidentOn(hub, 'payments-db');
    await expect
      .poll(
        async () =>
          (await get<{ timeline: TimelineEntry[] }>(hub, `/api/v1/incidents/${db?.id}`)).timeline
            .filter(
              (entry) => entry.type === 'runbook_step_completed' || entry.type === 'incident_acknowledged',
            )
            .map((entry) => entry.type),
        { timeout: 20_000 },
      )
      .toEqual(['incident_acknowledged', 'runbook_step_completed', 'runbook_step_completed']);
  }, 60_000);

  it('writes history only into an empty log', async () => {
    const dataDir = tempDataDir();
    const first = await start(['--demo'], FAST, dataDir);
    expect(first.output()).toMatch(/demo: wrote \d+ past incidents/);
    await first.stop();
    hubs.splice(hubs.indexOf(first), 1);
    const again = await start(['--demo'], FAST, dataDir);
    expect(again.output()).not.toMatch(/demo: wrote \d+ past incidents/);
    expect(again.output()).toContain('demo: playing the outage');
  }, 60_000);
});

describe('npm run hub -- --drill', () => {
  it('plays the same outage at 1×, whatever the demo speed, and leaves every action to the trainees', async () => {
    const hub = await start(['--drill'], FAST);
    expect(hub.output()).toContain('drill:');
    await expect
      .poll(async () => (await incidentOn(hub, 'payments-db'))?.severity, { timeout: 10_000 })
      .toBe('sev1');
    // At 40× the next alert would have come 1 s later; at 1× it comes after 40 s.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const open = await incidents(hub);
    expect(open.map((incident) => incident.services)).toEqual([['payments-db']]);
    const timeline = (await get<{ timeline: TimelineEntry[] }>(hub, `/api/v1/incidents/${open[0]?.id}`))
      .timeline;
    expect(timeline.some((entry) => entry.actor.startsWith('user:'))).toBe(false);
  }, 30_000);
});

describe('the console’s "Play the demo" button', () => {
  it('sets the example estate up on a hub started without a configuration', async () => {
    const hub = await start([]);
    const before = await get<{ demoAvailable: boolean; openMode: boolean }>(hub, '/api/v1/hub');
    expect(before).toMatchObject({ demoAvailable: true, openMode: true });
    expect((await get<{ services: unknown[] }>(hub, '/api/v1/catalog')).services).toHaveLength(0);

    const played = await postJson(`${hub.url}/api/v1/demo`, {}, hub.auth());
    expect(played).toEqual({ status: 202, body: { status: 'started' } });
    expect((await get<{ services: unknown[] }>(hub, '/api/v1/catalog')).services).toHaveLength(34);
    expect((await get<{ users: unknown[] }>(hub, '/api/v1/users')).users.length).toBeGreaterThan(20);
    expect((await get<{ demoRunning: boolean }>(hub, '/api/v1/hub')).demoRunning).toBe(true);
    expect(await postJson(`${hub.url}/api/v1/demo`, {}, hub.auth())).toEqual({
      status: 202,
      body: { status: 'already_running' },
    });
  }, 30_000);

  it('is refused, with the reason, on a hub running an organisation’s own configuration', async () => {
    const folder = copyOfValidConfig();
    try {
      const hub = await start(['--config-dir', folder]);
      const auth = { authorization: 'Bearer dana-token' };
      const info = (await (await fetch(`${hub.url}/api/v1/hub`, { headers: auth })).json()) as {
        demoAvailable: boolean;
      };
      expect(info.demoAvailable).toBe(false);
      const refused = await postJson(`${hub.url}/api/v1/demo`, {}, auth);
      expect(refused.status).toBe(409);
      expect(JSON.stringify(refused.body)).toContain('demo alerts would page its people');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
