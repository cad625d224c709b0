import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import type { HubEvent, NewEvent } from '../../shared/events';
import { HubClient } from '../../shared/hub-client';
import type { StatisticsReport } from '../../shared/metrics/report';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig } from '../support/config-folder';
import { appendEvents } from '../support/event-logs';
import { postJson, type RunningHub, samplesDir, startHub, tempDataDir } from '../support/hub';

// GET /api/v1/statistics from the REAL hub process with the example users: figures for incidents
// made through ingest and commands here, figures for a month-old history that only the event log
// still holds (the hub lets go of incidents resolved over a day ago), roles and refusals.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;
const promAuth = { authorization: 'Bearer prom-dc1-token' };
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * 600 incidents on Monday 2025-06-02 in three bursts of 200 that open in the same millisecond
 * (08:00Z, 08:01Z, 08:02Z), so the hub's pages of 250 incidents end inside a burst. Each one:
 * a bulk-<i mod 3> alert, alice acknowledges after 60 s, dana resolves after 600 s.
 */
const HISTORY_AT = Date.UTC(2025, 5, 2, 8);
const HISTORY = 600;
async function seedHistory(dataDir: string): Promise<void> {
  const events: NewEvent[] = [];
  for (let i = 1; i <= HISTORY; i++) {
    const incidentId = `INC-${i}`;
    const at = HISTORY_AT + Math.floor((i - 1) / 200) * MINUTE;
    const service = `bulk-${i % 3}`;
    events.push(
      {
        type: 'incident_opened',
        incidentId,
        at,
        actor: { kind: 'integration', id: 'prom-dc1' },
        title: `Bulk ${i}`,
        severity: 'sev3',
        source: 'alertmanager',
        groupKey: `bulk-${i}`,
      },
      {
        type: 'alert_fired',
        incidentId,
        at,
        actor: { kind: 'integration', id: 'prom-dc1' },
        alert: {
          fingerprint: `bulk-${i}`,
          source: 'alertmanager',
          status: 'firing',
          title: `Bulk ${i}`,
          severity: 'sev3',
          service,
          labels: { service },
          annotations: {},
          links: [],
          startsAt: at,
          endsAt: null,
        },
      },
    );
  }
  // Acknowledgements and resolutions come later in the log, interleaved as a real day would be.
  for (let i = 1; i <= HISTORY; i++) {
    const at = HISTORY_AT + Math.floor((i - 1) / 200) * MINUTE;
    events.push({
      type: 'incident_acknowledged',
      incidentId: `INC-${i}`,
      at: at + MINUTE,
      actor: { kind: 'user', id: 'alice' },
    });
  }
  for (let i = 1; i <= HISTORY; i++) {
    const at = HISTORY_AT + Math.floor((i - 1) / 200) * MINUTE;
    events.push({
      type: 'incident_resolved',
      incidentId: `INC-${i}`,
      at: at + 10 * MINUTE,
      actor: { kind: 'user', id: 'dana' },
      reason: 'manual',
    });
  }
  const store = new SqliteLog(dataDir);
  await appendEvents(
    store,
    events.map((event, index) => ({ ...event, seq: index + 1 }) as HubEvent),
    HISTORY + 1,
  );
  await store.close();
}

let hub: RunningHub;
let startedAt = 0;
// Seeding starts the log's writer thread, then the hub starts: more than a hook's default on a busy machine.
beforeAll(async () => {
  const dataDir = tempDataDir();
  await seedHistory(dataDir);
  hub = await startHub({ dataDir, args: ['--config-dir', copyOfValidConfig()] });
  startedAt = Date.now() - SECOND;
}, 60_000);
afterAll(async () => {
  await hub?.kill();
});

interface Refusal {
  readonly error: { readonly code: string; readonly message: string; readonly path?: string };
}

/** GET as `token` (the wall display's viewer token by default); the body typed as the caller expects. */
async function getJson<T = StatisticsReport>(
  path: string,
  token: string | null = 'wall-token',
): Promise<{ status: number; body: T }> {
  const response = await fetch(
    `${hub.url}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: response.status, body: (await response.json()) as T };
}

async function eventsOf(id: string): Promise<HubEvent[]> {
  return (await getJson<{ events: HubEvent[] }>(`/api/v1/incidents/${id}/events`, 'eve-token')).body.events;
}

const at = (events: ReadonlyArray<HubEvent>, type: HubEvent['type']): number => {
  const event = events.find((candidate) => candidate.type === type && candidate.actor.kind === 'user');
  if (!event) throw new Error(`no ${type} by a person`);
  return event.at;
};

describe('statistics of incidents made through ingest and commands', () => {
  it('counts them as the event log tells, for a viewer (wall display)', async () => {
    // INC-601 (g1): alice acknowledges, dana resolves. INC-602 (g2): open. INC-603 (g3): merged into
    // INC-602, which takes its two alerts (the same fingerprints, so still 2). All sev1 payments-db.
    for (const groupKey of ['g1', 'g2', 'g3']) {
      expect(
        (await postJson(`${hub.url}/api/v1/ingest/alertmanager`, { ...firing, groupKey }, promAuth)).status,
      ).toBe(200);
    }
    const ok = { status: 200, answer: expect.objectContaining({ ok: true }) };
    expect(await sendCommand(hub.url, command('acknowledge', 'INC-601'), 'alice-token')).toMatchObject(ok);
    expect(
      await sendCommand(hub.url, command('set_status', 'INC-601', { status: 'resolved' }), 'dana-token'),
    ).toMatchObject(ok);
    expect(
      await sendCommand(hub.url, command('merge', 'INC-603', { intoIncidentId: 'INC-602' }), 'dana-token'),
    ).toMatchObject(ok);

    const first = await eventsOf('INC-601');
    const second = await eventsOf('INC-602');
    const opened = first[0]?.at ?? 0;
    const tta = at(first, 'incident_acknowledged') - opened;
    const ttr = at(first, 'incident_resolved') - opened;
    const pages = (events: HubEvent[]) =>
      events.filter((event) => event.type === 'escalation_level_paged').length;
    const pagesPerIncident = [pages(first), pages(second)].sort((a, b) => a - b);

    const from = new Date(startedAt).toISOString();
    const to = new Date(Date.now() + MINUTE).toISOString();
    const { status, body: report } = await getJson(`/api/v1/statistics?from=${from}&to=${to}`);
    expect(status).toBe(200);
    expect(report.query).toEqual({
      from: Date.parse(from),
      to: Date.parse(to),
      bucket: 'day',
      timeZone: 'UTC',
    });
    expect(report.totals).toEqual({
      incidents: 2,
      bySeverity: { sev1: 2, sev2: 0, sev3: 0, sev4: 0 },
      alerts: 4,
      acknowledged: 1,
      resolved: 1,
      merged: 1,
      timeToAcknowledge: { count: 1, p50: tta, p90: tta, mean: tta },
      timeToResolve: { count: 1, p50: ttr, p90: ttr, mean: ttr },
    });
    expect(report.byService).toEqual([{ service: 'payments-db', incidents: 2, alerts: 4 }]);
    expect(report.alertsPerIncident).toEqual({ buckets: [{ value: 2, incidents: 2 }], mean: 2 });
    expect(report.escalationsPerIncident.mean).toBe(
      ((pagesPerIncident[0] ?? 0) + (pagesPerIncident[1] ?? 0)) / 2,
    );
    expect(report.periods.reduce((sum, period) => sum + period.opened.sev1, 0)).toBe(2);

    // The console's client reads the same answer through its schema.
    const client = new HubClient(hub.url, () => 'wall-token');
    const parsed = await client.statistics(report.query);
    expect({ ...parsed, generatedAt: 0 }).toEqual({ ...report, generatedAt: 0 });
  });
});

describe('statistics of a history only the event log holds', () => {
  it('counts 600 incidents from a year ago, read a page at a time, that the hub no longer holds', async () => {
    const all = await getJson<{ incidents: Array<{ id: string }> }>(
      '/api/v1/incidents?status=all',
      'eve-token',
    );
    expect(all.body.incidents.some((incident) => incident.id === 'INC-1')).toBe(false);

    const { status, body: report } = await getJson(
      '/api/v1/statistics?from=2025-06-01&to=2025-06-04&tz=Europe/Berlin',
    );
    expect(status).toBe(200);
    // Every one acknowledged after 60 s and resolved after 600 s, 200 per bulk service.
    expect(report.totals).toEqual({
      incidents: 600,
      bySeverity: { sev1: 0, sev2: 0, sev3: 600, sev4: 0 },
      alerts: 600,
      acknowledged: 600,
      resolved: 600,
      merged: 0,
      timeToAcknowledge: { count: 600, p50: MINUTE, p90: MINUTE, mean: MINUTE },
      timeToResolve: { count: 600, p50: 10 * MINUTE, p90: 10 * MINUTE, mean: 10 * MINUTE },
    });
    // Berlin days (+02:00 in June) from Sunday the 1st: all 600 on Monday the 2nd.
    expect(
      report.periods.map((period) => [new Date(period.start).toISOString(), period.opened.sev3]),
    ).toEqual([
      ['2025-05-31T22:00:00.000Z', 0],
      ['2025-06-01T22:00:00.000Z', 600],
      ['2025-06-02T22:00:00.000Z', 0],
    ]);
    expect(report.byService).toEqual([
      { service: 'bulk-0', incidents: 200, alerts: 200 },
      { service: 'bulk-1', incidents: 200, alerts: 200 },
      { service: 'bulk-2', incidents: 200, alerts: 200 },
    ]);
  });

  it('buckets the same history by ISO week', async () => {
    const { body } = await getJson(
      '/api/v1/statistics?from=2025-05-28&to=2025-06-10&bucket=week&tz=Europe/Berlin',
    );
    // Wed 28 May is in the week of Mon 26 May; Mon 2 and Mon 9 June follow.
    expect(body.periods.map((period) => [new Date(period.start).toISOString(), period.opened.sev3])).toEqual([
      ['2025-05-25T22:00:00.000Z', 0],
      ['2025-06-01T22:00:00.000Z', 600],
      ['2025-06-08T22:00:00.000Z', 0],
    ]);
  });
});

describe('the statistics endpoint', () => {
  it('covers the week before now by day in UTC by default', async () => {
    const before = Date.now();
    const { status, body } = await getJson('/api/v1/statistics');
    expect(status).toBe(200);
    const { query, periods } = body;
    expect(query.to).toBeGreaterThanOrEqual(before);
    expect(query.to).toBeLessThanOrEqual(Date.now());
    expect(query.to - query.from).toBe(7 * 24 * 60 * MINUTE);
    expect([query.bucket, query.timeZone]).toEqual(['day', 'UTC']);
    expect(periods).toHaveLength(8); // a partial day at each end
  });

  it('needs a signed-in user', async () => {
    expect(await getJson<Refusal>('/api/v1/statistics', null)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    expect((await getJson('/api/v1/statistics', 'guess')).status).toBe(401);
  });

  it.each([
    ['tz=Mars/Olympus_Mons', 'tz', /Unknown time zone/],
    ['tz=%2B01:00', 'tz', /Unknown time zone/],
    ['bucket=month', 'bucket', /day or week/],
    ['from=yesterday', 'from', /ISO 8601/],
    ['from=2026-02-31', 'from', /ISO 8601/],
    ['to=2026-13-01', 'to', /ISO 8601/],
    ['from=2026-06-02&to=2026-06-01', 'to', /before from/],
    ['from=2024-01-01&to=2026-01-01', 'from', /more than 400 days.*bucket=week/],
    ['from=1990-01-01&to=2026-01-01&bucket=week', 'from', /more than 400 weeks/],
    ['timezone=Europe/Berlin', 'timezone', /Unknown parameter "timezone"/],
    ['from=2026-11-01T00:00:00+01:00', 'from', /%2B/],
  ])('refuses %s with a 400 naming %s', async (params, field, message) => {
    const { status, body } = await getJson<Refusal>(`/api/v1/statistics?${params}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_query', path: field });
    expect(body.error.message).toMatch(message);
  });
});
