import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventLog } from '../../server/store/event-log';
import { PgLog } from '../../server/store/postgres/pg-log';
import { SqliteLog } from '../../server/store/sqlite/sqlite-log';
import { CHANGE_KINDS, CHANGES_SHOWN, type Change } from '../../shared/changes/change';
import { changesScope } from '../../shared/changes/changes-scope';
import type { Actor } from '../../shared/domain';
import type { HubEvent, NewEvent } from '../../shared/events';
import type { Catalog } from '../../shared/impact/catalog';
import { buildCatalogGraph } from '../../shared/impact/catalog-graph';
import { appendEvents } from '../support/event-logs';
import { type RunningHub, startHub, tempDataDir } from '../support/hub';
import { postgresMissing, startPostgres, type ThrowawayPostgres } from '../support/postgres';
import { seededRandom } from '../support/seeded-random';
import { generatedCatalog, servicesYaml } from './generated-catalog';
import { scaled } from './proc';
import { type BenchRow, writeResult } from './results';
import { summarise } from './stats';

// "Changes before" with 100,000 change events stored (issue 18's measure). The changes (deploys,
// config, flags over the last 30 days, a few services making most of them, as CI does) are written
// straight into the log (through EventLog.commit, so the `changes` table is filled as in production)
// next to 300 incidents on a generated 2,000-service catalog (6,000 dependency edges). Then:
//   store: EventLog.changesIn for an incident's scope (its service and every transitive
//          dependency, the hour before it opened), 2,000 queries: the query alone;
//   http:  the real hub process answering GET /api/v1/incidents/:id/changes, 1,000 requests one
//          after another: scope walk, query, JSON, HTTP.
// Both on SQLite and on PostgreSQL (a throwaway cluster; skipped, saying why, where not installed).

const CHANGES = scaled(100_000, 2_000);
const INCIDENTS = 300;
const DAYS = 30;
const DAY_MS = 86_400_000;
const QUERIES = scaled(2_000, 200);
const REQUESTS = scaled(1_000, 100);
const BATCH = 5_000;
const ci: Actor = { kind: 'integration', id: 'deploys' };
const prom: Actor = { kind: 'integration', id: 'prom-dc1' };

interface Seeded {
  readonly incidents: ReadonlyArray<{ id: string; service: string; openedAt: number }>;
}

/** Writes the changes and the incidents, interleaved in time as a real log is. */
async function seed(log: EventLog, catalog: Catalog, now: number): Promise<Seeded> {
  const random = seededRandom(18);
  const services = catalog.services.map((service) => service.id);
  const start = now - DAYS * DAY_MS;
  const planned: NewEvent[] = [];
  for (let n = 0; n < CHANGES; n++) {
    // A few services deploy all day; most now and then.
    const service = services[Math.floor(services.length * random.next() ** 3)] ?? 'svc-0000';
    const at = start + Math.floor(random.next() * DAYS * DAY_MS);
    const change: Change = {
      id: `01CHANGE${String(n).padStart(18, '0')}`,
      service,
      kind: CHANGE_KINDS[random.int(0, 3)] ?? 'deploy',
      summary: `${service} v${random.int(1, 9)}.${random.int(0, 40)}`,
      by: random.pick(['ci', 'argo', 'dana', 'terraform']),
      at,
      source: null,
      links: [{ href: `https://ci.example/run/${n}`, text: `run ${n}` }],
    };
    planned.push({ type: 'change_recorded', at, actor: ci, incidentId: '', change });
  }
  const incidents: Array<{ id: string; service: string; openedAt: number }> = [];
  for (let n = 1; n <= INCIDENTS; n++) {
    const service = services[random.int(0, services.length - 1)] ?? 'svc-0000';
    const openedAt = start + Math.floor(random.next() * DAYS * DAY_MS);
    const id = `INC-${n}`;
    incidents.push({ id, service, openedAt });
    planned.push({
      type: 'incident_opened',
      at: openedAt,
      actor: prom,
      incidentId: id,
      title: `${service} down`,
      severity: 'sev2',
      source: 'alertmanager',
      groupKey: `g-${n}`,
    });
    planned.push({
      type: 'alert_fired',
      at: openedAt,
      actor: prom,
      incidentId: id,
      alert: {
        fingerprint: `f-${n}`,
        source: 'alertmanager',
        status: 'firing',
        title: `${service} down`,
        severity: 'sev2',
        service,
        labels: { service },
        annotations: {},
        links: [],
        startsAt: openedAt,
        endsAt: null,
      },
    });
  }
  planned.sort((a, b) => a.at - b.at);
  for (let i = 0; i < planned.length; i += BATCH) {
    const events = planned.slice(i, i + BATCH).map((event, j) => ({ ...event, seq: i + j + 1 }) as HubEvent);
    await appendEvents(log, events, INCIDENTS + 1);
  }
  return { incidents };
}

async function measureStore(log: EventLog, catalog: Catalog, seeded: Seeded) {
  const graph = buildCatalogGraph(catalog);
  const random = seededRandom(7);
  const timings: number[] = [];
  const found: number[] = [];
  const scopeSizes: number[] = [];
  for (let q = 0; q < QUERIES + 50; q++) {
    const incident = seeded.incidents[random.int(0, seeded.incidents.length - 1)];
    if (!incident) continue;
    const started = performance.now();
    const scope = changesScope(graph, [incident.service], incident.openedAt);
    const changes = await log.changesIn({ ...scope, limit: CHANGES_SHOWN });
    const ms = performance.now() - started;
    // The first 50 warm the caches (statement cache, buffer pool), as a running hub's are.
    if (q < 50) continue;
    timings.push(ms);
    found.push(changes.length);
    scopeSizes.push(scope.services.length);
  }
  return { timings: summarise(timings), found: summarise(found), scope: summarise(scopeSizes) };
}

/**
 * GET …/changes, alternating with GET …/events of the same incident (a read of the same size
 * class that does no changes query): the control, so a busy machine shows in both.
 */
async function measureHttp(hub: RunningHub, seeded: Seeded) {
  const changes: number[] = [];
  const control: number[] = [];
  const random = seededRandom(11);
  for (let r = 0; r < REQUESTS + 20; r++) {
    const incident = seeded.incidents[random.int(0, seeded.incidents.length - 1)];
    if (!incident) continue;
    for (const [path, into] of [
      ['changes', changes],
      ['events', control],
    ] as const) {
      const started = performance.now();
      const status = await get(`${hub.url}/api/v1/incidents/${incident.id}/${path}`, hub.auth());
      if (status !== 200) throw new Error(`GET ${path} of ${incident.id}: ${status}`);
      if (r >= 20) into.push(performance.now() - started);
    }
  }
  return { changes: summarise(changes), control: summarise(control) };
}

// One kept-alive connection, as a console's is: the figure is the hub's, not a TCP handshake's.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function rowsFor(
  store: string,
  measured: Awaited<ReturnType<typeof measureStore>>,
  http: Awaited<ReturnType<typeof measureHttp>>,
): BenchRow[] {
  return [
    {
      benchmark: 'changes-before',
      case: `${store} store query`,
      figure: 'p50 ms',
      value: measured.timings.p50,
    },
    {
      benchmark: 'changes-before',
      case: `${store} store query`,
      figure: 'p99 ms',
      value: measured.timings.p99,
    },
    {
      benchmark: 'changes-before',
      case: `${store} GET …/changes`,
      figure: 'p50 ms',
      value: http.changes.p50,
    },
    {
      benchmark: 'changes-before',
      case: `${store} GET …/events (control)`,
      figure: 'p50 / p99 ms',
      value: `${http.control.p50} / ${http.control.p99}`,
    },
    {
      benchmark: 'changes-before',
      case: `${store} GET …/changes`,
      figure: 'p99 ms',
      value: http.changes.p99,
    },
    {
      benchmark: 'changes-before',
      case: `${store} scope`,
      figure: 'services p50 / p99',
      value: `${measured.scope.p50} / ${measured.scope.p99}`,
    },
    {
      benchmark: 'changes-before',
      case: `${store} found`,
      figure: 'changes p50 / p99',
      value: `${measured.found.p50} / ${measured.found.p99}`,
    },
  ];
}

export async function benchChangesBefore(): Promise<BenchRow[]> {
  const catalog = generatedCatalog({ services: 2000, dependencies: 6000 });
  const configDir = mkdtempSync(join(tmpdir(), 'sitroom-bench-changes-'));
  writeFileSync(join(configDir, 'services.yaml'), servicesYaml(catalog));
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {
    changes: CHANGES,
    incidents: INCIDENTS,
    days: DAYS,
    catalog: '2000 services, 6000 edges',
  };
  const now = Date.now();
  try {
    // SQLite: seed the data directory, measure the store, then the hub on the same file.
    const dataDir = tempDataDir('sitroom-bench-changes-');
    try {
      const log = new SqliteLog(dataDir, () => {});
      const seeded = await seed(log, catalog, now);
      const measured = await measureStore(log, catalog, seeded);
      await log.close();
      const hub = await startHub({ dataDir, args: ['--config-dir', configDir], timeoutMs: 120_000 });
      try {
        const http = await measureHttp(hub, seeded);
        rows.push(...rowsFor('sqlite', measured, http));
        details.sqlite = { store: measured, http };
      } finally {
        await hub.kill();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }

    const missing = postgresMissing();
    if (missing) {
      rows.push({ benchmark: 'changes-before', case: 'postgresql', figure: 'skipped', value: missing });
    } else {
      let postgres: ThrowawayPostgres | null = null;
      try {
        postgres = await startPostgres();
        const url = await postgres.createDatabase('changes_bench');
        const log = await PgLog.open(url, 'bench', () => {});
        const seeded = await seed(log, catalog, now);
        await log.pool.query('ANALYZE');
        const measured = await measureStore(log, catalog, seeded);
        await log.close();
        const hub = await startHub({
          args: ['--config-dir', configDir, '--database-url', url],
          timeoutMs: 120_000,
        });
        try {
          const http = await measureHttp(hub, seeded);
          rows.push(...rowsFor('postgresql', measured, http));
          details.postgresql = { store: measured, http };
        } finally {
          await hub.kill();
        }
      } finally {
        postgres?.destroy();
      }
    }
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
  writeResult('changes-before', rows, details);
  return rows;
}
