import type { Severity } from '../../shared/domain';
import type { Catalog, CatalogService } from '../../shared/impact/catalog';
import { buildCatalogGraph, type CatalogGraph } from '../../shared/impact/catalog-graph';
import { incidentImpact } from '../../shared/impact/incident-impact';
import { type ImpactIncident, serviceHealth } from '../../shared/impact/service-health';
import { type BenchRow, writeResult } from './results';
import { summarise } from './stats';

// Impact propagation at the size of a large organisation: 2,000 services, 6,000 dependencies,
// 50 open incidents. What a console (or GET /api/v1/services) pays on every incident change:
// every service's health and impactedBy, plus the impact of every open incident. Pure CPU, no hub.

const SERVICES = 2_000;
const DEPENDENCIES = 6_000;
const OPEN_INCIDENTS = 50;
const RUNS = 100;
const SEVERITIES: ReadonlyArray<Severity> = ['sev1', 'sev2', 'sev3', 'sev4'];

/** Deterministic, so every run measures the same graph (a linear congruential generator). */
function seeded(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % below;
  };
}

/** A layered catalog: each service depends only on services listed before it, as platforms underlie products. */
function generateCatalog(random: (below: number) => number): Catalog {
  const needs: Array<Set<string>> = Array.from({ length: SERVICES }, () => new Set());
  let edges = 0;
  while (edges < DEPENDENCIES) {
    const from = 1 + random(SERVICES - 1);
    const to = `svc-${random(from)}`;
    const set = needs[from] as Set<string>;
    if (set.has(to)) continue;
    set.add(to);
    edges++;
  }
  const services: CatalogService[] = needs.map((dependsOn, i) => ({
    id: `svc-${i}`,
    name: `Service ${i}`,
    team: `team-${i % 100}`,
    tier: (1 + (i % 4)) as CatalogService['tier'],
    dependsOn: [...dependsOn],
  }));
  const teams = Array.from({ length: 100 }, (_, i) => ({
    id: `team-${i}`,
    name: `Team ${i}`,
    members: [],
    channels: [{ kind: 'webhook' as const, host: 'paging.example.org' }],
  }));
  return { services, teams };
}

function incident(random: (below: number) => number, n: number): ImpactIncident & { notifiedTeams: [] } {
  const services = Array.from({ length: 1 + random(2) }, () => `svc-${random(SERVICES)}`);
  return {
    id: `INC-${n}`,
    status: 'investigating',
    severity: SEVERITIES[random(4)] as Severity,
    services,
    notifiedTeams: [],
  };
}

function everything(graph: CatalogGraph, incidents: ReadonlyArray<ImpactIncident & { notifiedTeams: [] }>) {
  const health = serviceHealth(graph, incidents);
  const impacts = incidents.map((open) => incidentImpact(graph, open));
  return health.length + impacts.length;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function benchImpact(): Promise<BenchRow[]> {
  const random = seeded(20_261_127);
  const catalog = generateCatalog(random);
  const incidents = Array.from({ length: OPEN_INCIDENTS }, (_, i) => incident(random, i + 1));
  for (let i = 0; i < 10; i++) everything(buildCatalogGraph(catalog), incidents); // warm up the JIT

  const build = summarise(Array.from({ length: RUNS }, () => time(() => buildCatalogGraph(catalog))));
  const graph = buildCatalogGraph(catalog);
  const healthOnly = summarise(
    Array.from({ length: RUNS }, () => time(() => serviceHealth(graph, incidents))),
  );
  const full = summarise(Array.from({ length: RUNS }, () => time(() => everything(graph, incidents))));
  // One more incident opens: every service's health again, and the new incident's impact.
  const update = summarise(
    Array.from({ length: RUNS }, (_, i) => {
      const opened = incident(random, OPEN_INCIDENTS + 1 + i);
      return time(() => {
        serviceHealth(graph, [...incidents, opened]);
        incidentImpact(graph, opened);
      });
    }),
  );
  const reach = serviceHealth(graph, incidents).filter((row) => row.impactedBy.length > 0).length;

  const name = `${SERVICES} services, ${DEPENDENCIES} dependencies, ${OPEN_INCIDENTS} open incidents`;
  const rows: BenchRow[] = [
    {
      benchmark: 'impact',
      case: name,
      figure: 'index the catalog (once per catalog), p50 / p99 ms',
      value: `${build.p50} / ${build.p99}`,
    },
    {
      benchmark: 'impact',
      case: name,
      figure: `health + impactedBy of every service (the map), p50 / p99 ms (${RUNS} runs)`,
      value: `${healthOnly.p50} / ${healthOnly.p99}`,
    },
    {
      benchmark: 'impact',
      case: name,
      figure: `… and the impact of all ${OPEN_INCIDENTS} incidents too, p50 / p99 ms (${RUNS} runs)`,
      value: `${full.p50} / ${full.p99}`,
    },
    {
      benchmark: 'impact',
      case: name,
      figure: "update after one more incident opens (every service's health + its impact), p50 / p99 ms",
      value: `${update.p50} / ${update.p99}`,
      // A console recomputes on incident changes; within a frame it never janks the wall.
      budget: 'p99 < 16 ms (one frame)',
    },
    { benchmark: 'impact', case: name, figure: 'services impacted by the 50 incidents', value: reach },
  ];
  writeResult('impact', rows, { build, health: healthOnly, full, update, impactedServices: reach });
  return rows;
}
