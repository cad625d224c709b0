import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/domain';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { type PredictingBoard, receiveBatch, showFilter } from '../../../../shared/feed/predict-filter';
import { Projection } from '../../../../shared/feed/projection';
import { filterIncident } from '../../../support/filter-incidents';
import { projectionSource } from '../../../support/projection-source';

// The page shows a filter it can decide before its host answers (shared/feed/predict-filter.ts),
// walking its own lists instead of the host's ids. Whatever the board and the keys typed, the
// board it shows must be exactly the one the host's answer gives: the same rows, in the same
// order, the same counts, and the answer then changes nothing. The fold-then-patch property
// covers prediction among events; here filters follow one another on a settled board, so almost
// every key is predicted, and open and resolved rows go out of sight and come back.

const FILTERS = [
  '',
  'sev:critical',
  'sev:critical,major',
  'status:open',
  'is:resolved',
  '-acked',
  'acked',
  'inc',
  'inc-1',
  'inc-12',
  'disk',
  'disk full',
  'sev:minor,info -is:resolved',
  'service:db*',
  // Terms a row cannot decide: the host answers, and its hidden rows come in its own order.
  'team:payments',
  'disk label:team',
] as const;

const SEVERITY = fc.constantFrom('sev1', 'sev2', 'sev3', 'sev4') as fc.Arbitrary<Incident['severity']>;

const incidentsArb = fc.uniqueArray(
  fc.record({
    n: fc.integer({ min: 1, max: 40 }),
    severity: SEVERITY,
    resolved: fc.boolean(),
    acked: fc.boolean(),
    title: fc.constantFrom('disk full', 'disk slow', 'cpu hot', 'queue deep'),
    service: fc.constantFrom('db-main', 'db-replica', 'api', 'web'),
    openedAt: fc.integer({ min: 1, max: 50 }),
    resolvedAt: fc.integer({ min: 60, max: 90 }),
  }),
  { selector: (spec) => spec.n, maxLength: 30 },
);

let predictedKeys = 0;
let restoredResolved = 0;

function boardOf(incidents: ReadonlyArray<Incident>): {
  readonly setFilter: (query: string) => void;
  readonly take: () => BoardPatch[];
} {
  const source = projectionSource(incidents);
  let batch: BoardPatch[] = [];
  const projection = new Projection(source, { incidentId: null, user: null, filter: null }, (patch) =>
    batch.push(patch),
  );
  projection.start();
  return {
    setFilter: (query) =>
      projection.setView({
        incidentId: null,
        user: null,
        filter: query.trim() === '' ? null : { query, serviceTeams: [] },
      }),
    take: () => {
      const taken = batch;
      batch = [];
      return taken;
    },
  };
}

const listsOf = (state: BoardState) => ({
  active: state.active.map((row) => row.id),
  resolved: state.resolved.map((row) => row.id),
  tally: state.tally,
  filter: state.scope.filter,
  shown: [...state.rows.keys()].sort(),
  held: [...state.held.keys()].sort(),
});

describe('a filter shown ahead of the host', () => {
  it('is the board the host answers, for any board and any keys', () => {
    fc.assert(
      fc.property(
        incidentsArb,
        fc.array(fc.constantFrom(...FILTERS), { minLength: 1, maxLength: 8 }),
        (specs, keys) => {
          const incidents = specs.map((spec) =>
            filterIncident({
              id: `INC-${spec.n}`,
              title: spec.title,
              severity: spec.severity,
              services: [spec.service],
              status: spec.resolved ? 'resolved' : 'investigating',
              openedAt: spec.openedAt,
              resolvedAt: spec.resolved ? spec.resolvedAt : null,
              acknowledgedAt: spec.acked ? 2 : null,
            }),
          );
          const host = boardOf(incidents);
          let page: PredictingBoard = {
            ...interpretPatches(INITIAL_BOARD, host.take(), 0),
            predicted: null,
            hostScope: INITIAL_BOARD.scope,
          };
          let answered: BoardState = page;
          for (const key of keys) {
            const resolvedHeld = [...page.held.values()].filter((row) => row.status === 'resolved').length;
            host.setFilter(key);
            page = showFilter(page, key);
            const shownAhead = page.predicted === null ? null : listsOf(page);
            if (shownAhead !== null) {
              predictedKeys += 1;
              restoredResolved += Math.max(
                0,
                resolvedHeld - [...page.held.values()].filter((row) => row.status === 'resolved').length,
              );
            }
            const batch = host.take();
            answered = interpretPatches(answered, batch, 0);
            page = receiveBatch(page, batch, 0);
            expect(page.predicted).toBe(null);
            expect(listsOf(page)).toEqual(listsOf(answered));
            if (shownAhead !== null) expect(shownAhead).toEqual(listsOf(answered));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  // A property that never reaches the path it is about proves nothing.
  afterAll(() => {
    expect(predictedKeys).toBeGreaterThan(300);
    expect(restoredResolved).toBeGreaterThan(20);
  });
});
