import type { Catalog, CatalogService, Tier } from '../../shared/impact/catalog';

// A large made-up service catalog for the map's benchmarks and tests: `services` services in
// `teams` teams, with `dependencies` edges drawn from a seeded generator so every run (and every
// machine) measures the same graph. Dependencies mostly point at lower-numbered services (a
// realistic mostly-layered estate). With `cycles`, a few point forward, making cycles the layout
// must break; without, the catalog is acyclic, as the hub's config loader requires.

export interface GeneratedCatalogOptions {
  readonly services?: number;
  readonly dependencies?: number;
  readonly teams?: number;
  readonly seed?: number;
  readonly cycles?: boolean;
}

/** A small deterministic PRNG (mulberry32): same seed, same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedCatalog(options: GeneratedCatalogOptions = {}): Catalog {
  const { services = 2000, dependencies = 6000, teams = 40, seed = 7, cycles = false } = options;
  const next = random(seed);
  const id = (i: number): string => `svc-${String(i).padStart(4, '0')}`;
  const needs: Array<Set<number>> = Array.from({ length: services }, () => new Set<number>());
  let placed = 0;
  // Bounded attempts: duplicates and self-edges are skipped rather than retried forever.
  for (let attempt = 0; placed < dependencies && attempt < dependencies * 4; attempt++) {
    const from = 1 + Math.floor(next() * (services - 1));
    const backwards = !cycles || next() < 0.995;
    // Backwards edges only ever point at lower numbers, so alone they can never close a cycle.
    const to = backwards ? Math.floor(next() * from) : Math.floor(next() * services);
    if (to === from || needs[from]?.has(to)) continue;
    needs[from]?.add(to);
    placed++;
  }
  const list: CatalogService[] = needs.map((set, i) => ({
    id: id(i),
    name: `Service ${i}`,
    team: `team-${i % teams}`,
    tier: ((i % 4) + 1) as Tier,
    dependsOn: [...set].map(id),
  }));
  return {
    services: list,
    teams: Array.from({ length: teams }, (_, t) => ({
      id: `team-${t}`,
      name: `Team ${t}`,
      members: [],
      channels: [],
    })),
  };
}

/** The catalog as a services.yaml the hub loads (JSON is valid YAML). */
export function servicesYaml(catalog: Catalog): string {
  return JSON.stringify({
    teams: catalog.teams.map((team) => ({ id: team.id, name: team.name, members: [], notify: [] })),
    services: catalog.services.map((service) => ({
      id: service.id,
      name: service.name,
      team: service.team,
      tier: service.tier,
      depends_on: service.dependsOn,
    })),
  });
}
