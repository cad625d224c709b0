import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/domain';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import { type BoardPatch, PendingPatches } from '../../../../shared/feed/patch';
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

/** The host's side: a projection whose patches wait in PendingPatches, as the hosts' send windows keep them. */
function boardOf(incidents: ReadonlyArray<Incident>): {
  readonly setFilter: (query: string) => void;
  readonly take: () => ReadonlyArray<BoardPatch>;
} {
  const source = projectionSource(incidents);
  const pending = new PendingPatches();
  const projection = new Projection(source, { incidentId: null, user: null, filter: null }, (patch) =>
    pending.add(patch),
  );
  projection.start();
  return {
    setFilter: (query) =>
      projection.setView({
        incidentId: null,
        user: null,
        filter: query.trim() === '' ? null : { query, serviceTeams: [] },
      }),
    take: () => pending.take(),
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

interface Key {
  readonly query: string;
  /** Whether the host's pending patches go to the page after this key (else they coalesce). */
  readonly sent: boolean;
}

type Spec = (typeof incidentsArb extends fc.Arbitrary<infer T> ? T : never)[number];

function run(specs: ReadonlyArray<Spec>, keys: ReadonlyArray<Key>): void {
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
  let caughtUp = true;
  const send = (): void => {
    const batch = host.take();
    answered = interpretPatches(answered, batch, 0);
    page = receiveBatch(page, batch, 0);
    caughtUp = true;
    expect(page.predicted).toBe(null);
    expect(listsOf(page)).toEqual(listsOf(answered));
  };
  for (const { query, sent } of keys) {
    const resolvedHeld = [...page.held.values()].filter((row) => row.status === 'resolved').length;
    const fromCaughtUp = caughtUp;
    host.setFilter(query);
    page = showFilter(page, query);
    caughtUp = false;
    const shownAhead = page.predicted === null ? null : listsOf(page);
    if (shownAhead !== null) {
      predictedKeys += 1;
      restoredResolved += Math.max(
        0,
        resolvedHeld - [...page.held.values()].filter((row) => row.status === 'resolved').length,
      );
    }
    if (!sent) continue;
    send();
    // Shown ahead from a board that was up to date: exactly what the host then answered.
    if (shownAhead !== null && fromCaughtUp) expect(shownAhead).toEqual(listsOf(answered));
  }
  send();
}

describe('a filter shown ahead of the host', () => {
  it('is the board the host answers, for any board and any keys', () => {
    fc.assert(
      fc.property(
        incidentsArb,
        fc.array(fc.constantFrom(...FILTERS), { minLength: 1, maxLength: 8 }),
        (specs, queries) =>
          run(
            specs,
            queries.map((query) => ({ query, sent: true })),
          ),
      ),
      { numRuns: 300 },
    );
  });

  // Keys typed faster than the host sends: their patches coalesce (PendingPatches), and a row the
  // page hid ahead of the host may be both hidden and restored by the host within one batch.
  it('ends on the board the host answers when several keys share one batch', () => {
    fc.assert(
      fc.property(
        incidentsArb,
        fc.array(fc.record({ query: fc.constantFrom(...FILTERS), sent: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        (specs, keys) => run(specs, keys),
      ),
      { numRuns: 300 },
    );
  });

  it('shows a row the page hid ahead of the host, when the next key is one only the host decides', () => {
    run(
      [
        {
          n: 1,
          severity: 'sev1',
          resolved: false,
          acked: false,
          title: 'disk full',
          service: 'api',
          openedAt: 1,
          resolvedAt: 60,
        },
      ],
      [
        { query: 'sev:minor', sent: false },
        { query: '-team:payments', sent: true },
      ],
    );
  });

  // A property that never reaches the path it is about proves nothing.
  afterAll(() => {
    expect(predictedKeys).toBeGreaterThan(300);
    expect(restoredResolved).toBeGreaterThan(20);
  });
});
