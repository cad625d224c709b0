import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type Incident, SEVERITIES } from '../../../../shared/domain';
import { INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { Projection, type ProjectionSource } from '../../../../shared/feed/projection';
import { type BoardFilter, compileBoardFilter } from '../../../../shared/filter/board-filter';
import { keepsSubsetOf } from '../../../../shared/filter/narrowing';
import { alertWith, filterIncident } from '../../../support/filter-incidents';

// Narrowing must be exactly conservative: whenever it says a filter keeps a subset of the one
// before, it does, for any incidents; and the host that refilters only the rows shown ends with
// exactly the rows filtering every incident gives.

const RUNS = { numRuns: 1000 };

/**
 * Families of terms that often narrow one another (words and their longer forms, values and
 * their subsets, negated or not): the next filter swaps a term for one of its family.
 */
const FAMILIES: ReadonlyArray<ReadonlyArray<string>> = [
  ['sev:critical', 'sev:critical,major', 'sev:major'],
  ['-sev:minor', '-sev:minor,info', '-sev:info'],
  ['status:open', 'status:resolved,mitigated', 'status:resolved'],
  ['is:acked', '-acked', 'is:pending', 'is:pending,acked', '-is:pending'],
  ['team:payments', 'team:pay*', 'team:payments,identity', '-team:identity', '-team:identity,payments'],
  ['service:checkout-*', 'service:checkout-api', 'service:checkout-api,auth-api', '-service:storage'],
  ['label:region=eu-west', 'label:region=eu-*', 'label:region', 'label:region=eu-west,zone=a'],
  ['-label:region=us-east', '-label:region=us-east,region=eu-north', '-label:zone'],
  ['inc', 'inc-1', 'check', 'checkout', 'out', 'disk', '"disk full"', '"full on"', 'db'],
  ['-check', '-checkout', '-disk', '-"disk full"'],
  ['sev:nonsense'],
];

const TERMS = FAMILIES.flat();

const CATALOGS: ReadonlyArray<BoardFilter['serviceTeams']> = [
  [],
  [['checkout-api', 'payments']],
  [['checkout-api', 'identity']],
  [
    ['auth-api', 'identity'],
    ['checkout-web', 'payments'],
  ],
];

const filterArb = (terms: fc.Arbitrary<ReadonlyArray<string>>): fc.Arbitrary<BoardFilter> =>
  fc
    .record({ terms, serviceTeams: fc.constantFrom(...CATALOGS) })
    .map(({ terms: chosen, serviceTeams }) => ({ query: chosen.join(' '), serviceTeams }));

/** A term, and what the next filter has in its place: itself, one of its family, or nothing. */
const typedOnArb = fc
  .constantFrom(...FAMILIES)
  .chain((family) =>
    fc.tuple(fc.constantFrom(...family), fc.option(fc.constantFrom(...family), { freq: 3, nil: undefined })),
  );

/** A filter and the next one typed: its terms swapped within their families and more, or anything. */
const pairArb: fc.Arbitrary<readonly [BoardFilter, BoardFilter]> = fc
  .record({
    terms: fc.array(typedOnArb, { minLength: 1, maxLength: 3 }),
    keep: fc.constantFrom(true, true, true, false),
    more: fc.array(fc.constantFrom(...TERMS), { maxLength: 2 }),
    sameCatalog: fc.boolean(),
    catalog: fc.constantFrom(...CATALOGS),
  })
  .chain(({ terms, keep, more, sameCatalog, catalog }) =>
    filterArb(fc.constant(terms.map(([term]) => term))).map((previous) => {
      const kept = terms.map(([term, swapped]) => swapped ?? term);
      const next: BoardFilter = {
        query: [...(keep ? kept : []), ...more].join(' '),
        serviceTeams: sameCatalog ? previous.serviceTeams : catalog,
      };
      return [previous, next] as const;
    }),
  );

const incidentArb = (id: string): fc.Arbitrary<Incident> =>
  fc
    .record({
      severity: fc.constantFrom(...SEVERITIES),
      status: fc.constantFrom(...INCIDENT_STATUSES),
      acked: fc.boolean(),
      title: fc.constantFrom('Disk full on db-1', 'Checkout errors', 'Health check failing', 'Queue backlog'),
      services: fc.subarray(['checkout-api', 'checkout-web', 'auth-api', 'storage']),
      region: fc.constantFrom('eu-west', 'us-east', 'eu-north', null),
      team: fc.constantFrom('payments', 'identity', 'platform', null),
      zone: fc.constantFrom('a', 'b', null),
    })
    .map((picked) => {
      const labels: Record<string, string> = {};
      if (picked.region !== null) labels.region = picked.region;
      if (picked.team !== null) labels.team = picked.team;
      if (picked.zone !== null) labels.zone = picked.zone;
      return filterIncident({
        id,
        title: picked.title,
        severity: picked.severity,
        status: picked.status,
        acknowledgedAt: picked.acked ? 1 : null,
        resolvedAt: picked.status === 'resolved' ? 2 : null,
        services: picked.services,
        alerts: { f1: alertWith(labels) },
      });
    });

const incidentsArb = fc
  .integer({ min: 0, max: 14 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => incidentArb(`INC-${i + 1}`))));

/** What a filter keeps of the incidents, filtering every one of them. */
function keptByFullFilter(incidents: ReadonlyArray<Incident>, filter: BoardFilter): string[] {
  const compiled = compileBoardFilter(filter);
  return incidents
    .filter((incident) => !compiled?.ok || compiled.keep(incident, false))
    .map((incident) => incident.id)
    .sort();
}

describe('narrowing', () => {
  it('claims a subset only when every incident the next filter keeps, the one before keeps', () => {
    fc.assert(
      fc.property(incidentsArb, pairArb, fc.boolean(), (incidents, [previous, next], pending) => {
        fc.pre(keepsSubsetOf(previous, next));
        const before = compileBoardFilter(previous);
        const after = compileBoardFilter(next);
        for (const incident of incidents) {
          const keptAfter = !after?.ok || after.keep(incident, pending);
          const keptBefore = !before?.ok || before.keep(incident, pending);
          if (keptAfter) expect(keptBefore).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('refiltering the rows shown leaves the board with what filtering every incident gives', () => {
    fc.assert(
      fc.property(incidentsArb, pairArb, (incidents, [previous, next]) => {
        const state = { seq: 1, incidents: Object.fromEntries(incidents.map((i) => [i.id, i])) };
        const source: ProjectionSource = {
          state,
          incident: (id) => (Object.hasOwn(state.incidents, id) ? state.incidents[id] : undefined),
          outboxState: { pending: [], rejected: [], rejectedDropped: 0 },
          connectionState: { status: 'live', since: 0, lastUpdateAt: null, cached: false },
        };
        let patches: BoardPatch[] = [];
        const view = (filter: BoardFilter) => ({ incidentId: null, user: null, filter });
        const projection = new Projection(source, view(previous), (patch) => patches.push(patch));
        projection.start();
        let board = interpretPatches(INITIAL_BOARD, patches, 0);
        patches = [];
        projection.setView(view(next));
        board = interpretPatches(board, patches, 0);
        const shown = [...board.rows.keys()].sort();
        expect(shown).toEqual(keptByFullFilter(incidents, next));
      }),
      RUNS,
    );
  });

  it('is met often enough by the generated pairs to mean something', () => {
    const pairs = fc.sample(pairArb, { numRuns: 400, seed: 7 });
    const narrowing = pairs.filter(([previous, next]) => keepsSubsetOf(previous, next)).length;
    expect(narrowing).toBeGreaterThan(100);
  });
});
