import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import type { Actor, Alert } from '../../shared/domain';
import type { HubEvent, NewEvent } from '../../shared/events';
import type { StatisticsReport } from '../../shared/metrics/report';
import { appendEvents } from '../support/event-logs';
import { hubFetch, startHub, tempDataDir } from '../support/hub';
import { seededRandom } from '../support/seeded-random';
import { scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { round, sleep, summarise } from './stats';

// Statistics over a long event log: 20,000 incidents (BENCH_SCALE shrinks it) and about 200,000
// events spread over the 90 days before now, written straight into the hub's SQLite log (the hub
// stamps events with its own clock, so ingest cannot make history), then the real hub process
// answers GET /api/v1/statistics for the last 7, 30 and 90 days. While a 90-day report is being
// computed, GET /healthz is sent every 10 ms: its latency is what ingest and commands would wait.

const INCIDENTS = scaled(20_000, 500);
const DAYS = 90;
const DAY_MS = 86_400_000;
const RUNS = 5;
const SERVICES = Array.from({ length: 40 }, (_, i) => `service-${String(i).padStart(2, '0')}`);
const prom: Actor = { kind: 'integration', id: 'prom-dc1' };
const hubActor: Actor = { kind: 'system' };

/** One incident's life, about 10 events: alerts, pages, an acknowledgement, a note, resolution. */
function incidentEvents(n: number, openedAt: number, random: ReturnType<typeof seededRandom>): NewEvent[] {
  const incidentId = `INC-${n}`;
  // A few services make most of the noise, as in any NOC.
  const service = SERVICES[Math.floor(SERVICES.length * random.next() ** 2)] ?? 'service-00';
  const severity = random.pick(['sev1', 'sev2', 'sev2', 'sev3', 'sev3', 'sev3', 'sev4'] as const);
  const base = { incidentId, actor: prom };
  const events: NewEvent[] = [
    {
      ...base,
      at: openedAt,
      type: 'incident_opened',
      title: `${service} down`,
      severity,
      source: 'alertmanager',
      groupKey: `g-${n}`,
    },
  ];
  const alerts = random.int(1, 4);
  for (let a = 0; a < alerts; a++) {
    const alert: Alert = {
      fingerprint: `${n}-${a}`,
      source: 'alertmanager',
      status: 'firing',
      title: `${service} alert ${a}`,
      severity,
      service,
      labels: { service, instance: `host-${a}` },
      annotations: { summary: `${service} is failing on host-${a}` },
      links: [],
      startsAt: openedAt,
      endsAt: null,
    };
    events.push({ ...base, at: openedAt + a * 1000, type: 'alert_fired', alert });
  }
  events.push({ ...base, at: openedAt, actor: hubActor, type: 'escalation_started', policyId: 'default' });
  const pages = random.int(0, 2);
  for (let level = 1; level <= pages; level++) {
    const at = openedAt + (level - 1) * 5 * 60_000;
    events.push({
      ...base,
      at,
      actor: hubActor,
      type: 'escalation_level_paged',
      level,
      cycle: 0,
      targets: ['alice'],
      teams: [],
      dueNext: null,
    });
  }
  const acknowledgedAt = openedAt + random.int(30, 1_800) * 1000;
  if (random.next() < 0.85)
    events.push({
      ...base,
      at: acknowledgedAt,
      actor: { kind: 'user', id: 'alice' },
      type: 'incident_acknowledged',
    });
  if (random.next() < 0.5)
    events.push({
      ...base,
      at: acknowledgedAt + 60_000,
      actor: { kind: 'user', id: 'bob' },
      type: 'note_added',
      text: 'Restarted the pool; watching.',
    });
  const resolvedAt = acknowledgedAt + random.int(60, 14_400) * 1000;
  for (let a = 0; a < alerts; a++)
    events.push({
      ...base,
      at: resolvedAt - 1000,
      type: 'alert_resolved',
      fingerprint: `${n}-${a}`,
      endsAt: resolvedAt - 1000,
    });
  if (random.next() < 0.97)
    events.push({
      ...base,
      at: resolvedAt,
      actor: { kind: 'user', id: 'dana' },
      type: 'incident_resolved',
      reason: 'manual',
    });
  return events;
}

/** Writes the history into a fresh data directory, events interleaved in time as a real log is. */
async function seedLog(now: number): Promise<{ dataDir: string; events: number }> {
  const random = seededRandom(90);
  const start = now - DAYS * DAY_MS;
  const planned: NewEvent[] = [];
  for (let n = 1; n <= INCIDENTS; n++) {
    const openedAt = start + Math.floor(((n - 1) * DAYS * DAY_MS) / INCIDENTS) + random.int(0, 60_000);
    planned.push(...incidentEvents(n, openedAt, random).filter((event) => event.at < now));
  }
  planned.sort((a, b) => a.at - b.at);
  const dataDir = tempDataDir('sitroom-bench-statistics-');
  const store = new SqliteLog(dataDir);
  for (let i = 0; i < planned.length; i += 20_000) {
    const batch = planned.slice(i, i + 20_000).map((event, j) => ({ ...event, seq: i + j + 1 }) as HubEvent);
    await appendEvents(store, batch, INCIDENTS + 1);
  }
  await store.close();
  return { dataDir, events: planned.length };
}

async function timedGet(url: string): Promise<{ ms: number; body: unknown; status: number }> {
  const started = performance.now();
  const response = await hubFetch(url);
  const body: unknown = await response.json();
  return { ms: performance.now() - started, body, status: response.status };
}

export async function benchStatistics(): Promise<BenchRow[]> {
  const now = Date.now();
  const seeded = await seedLog(now);
  const startedAt = performance.now();
  const hub = await startHub({ dataDir: seeded.dataDir, timeoutMs: 300_000 });
  const startupMs = performance.now() - startedAt;
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {
    incidents: INCIDENTS,
    events: seeded.events,
    hubStartMs: round(startupMs),
  };
  try {
    for (const days of [7, 30, 90]) {
      const to = new Date(now).toISOString();
      const from = new Date(now - days * DAY_MS).toISOString();
      const url = `${hub.url}/api/v1/statistics?from=${from}&to=${to}&tz=Europe/Berlin`;
      const times: number[] = [];
      let incidents = 0;
      for (let run = 0; run < RUNS; run++) {
        const answer = await timedGet(url);
        if (answer.status !== 200)
          throw new Error(`statistics answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        incidents = (answer.body as StatisticsReport).totals.incidents;
        times.push(answer.ms);
      }
      const summary = summarise(times);
      details[`${days}d`] = { ...summary, incidents };
      rows.push({
        benchmark: 'statistics',
        case: `${days} days, ${incidents.toLocaleString('en')} incidents, by day`,
        figure: `response time p50 / max ms (${RUNS} runs)`,
        value: `${summary.p50} / ${summary.max} ms`,
      });
    }

    // The hub's other work during a 90-day report: /healthz every 10 ms, idle first for a baseline.
    const probe = async (whileRunning: Promise<unknown> | null, durationMs: number): Promise<number[]> => {
      const latencies: number[] = [];
      let done = false;
      void whileRunning?.then(() => {
        done = true;
      });
      const until = performance.now() + durationMs;
      while (whileRunning ? !done : performance.now() < until) {
        const started = performance.now();
        await (await fetch(`${hub.url}/healthz`)).arrayBuffer();
        latencies.push(performance.now() - started);
        await sleep(10);
      }
      return latencies;
    };
    const idle = summarise(await probe(null, 2_000));
    const to = new Date(now).toISOString();
    const from = new Date(now - 90 * DAY_MS).toISOString();
    const busy = summarise(
      await probe(timedGet(`${hub.url}/api/v1/statistics?from=${from}&to=${to}&tz=Europe/Berlin`), 0),
    );
    details.healthzIdle = idle;
    details.healthzDuring90d = busy;
    rows.push({
      benchmark: 'statistics',
      case: 'GET /healthz every 10 ms during a 90-day report',
      figure: 'latency p50 / p99 / max ms (idle: p50 / max)',
      value: `${busy.p50} / ${busy.p99} / ${busy.max} ms (idle ${idle.p50} / ${idle.max} ms)`,
    });
    rows.push({
      benchmark: 'statistics',
      case: `log of ${INCIDENTS.toLocaleString('en')} incidents, ${seeded.events.toLocaleString('en')} events`,
      figure: 'hub start (folds the whole log, no snapshot)',
      value: `${round(startupMs / 1000, 1)} s`,
    });
  } finally {
    await hub.stop();
  }
  writeResult('statistics', rows, details);
  return rows;
}
