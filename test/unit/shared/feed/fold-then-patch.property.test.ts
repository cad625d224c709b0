import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../../shared/commands';
import { compareForBoard, type Incident, isOpen, SEVERITIES } from '../../../../shared/domain';
import type { HubEvent } from '../../../../shared/events';
import {
  type BoardState,
  INITIAL_BOARD,
  interpretPatches,
  RESORT_SHARE,
} from '../../../../shared/feed/board-interpreter';
import { resolvedOrder } from '../../../../shared/feed/board-order';
import { boardRowOf } from '../../../../shared/feed/board-row';
import { PendingPatches } from '../../../../shared/feed/patch';
import { type PredictingBoard, receiveBatch, showFilter } from '../../../../shared/feed/predict-filter';
import { Projection } from '../../../../shared/feed/projection';
import { compileBoardFilter } from '../../../../shared/filter/board-filter';
import { pendingOverlay } from '../../../../shared/optimistic';
import { applyEvents } from '../../../../shared/reducer';
import { Replica } from '../../../../shared/replica';
import { LOCAL_USER } from '../../../../shared/roles';
import { flush, ScriptedLink } from '../../../support/scripted-link';

// The property behind "the replica is the only fold": whatever the hub sends, in whatever
// batches, with whatever actions queued and however the patches are coalesced on the way, the
// page's interpreter ends with exactly the board a direct fold (plus the optimistic overlay) of
// the same events gives: the same rows, in board order, and the incident on screen whole. With a
// board filter changing along the way (rows hidden, restored by id, sent afresh), the rows it keeps.

const IDS = ['INC-1', 'INC-2', 'INC-3', 'INC-4', 'INC-5'] as const;
const NOW = 5_000_000;
const actor = { kind: 'integration', id: 'prom' } as const;
const person = { kind: 'user', id: 'dana' } as const;

type Step =
  | { readonly kind: 'events'; readonly events: ReadonlyArray<Omit<HubEvent, 'seq'>> }
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'take' }
  /** The page's board filter changes (or goes): rows are hidden, restored, sent afresh. */
  | { readonly kind: 'filter'; readonly query: string | null };

/**
 * Filters that hide and show rows as the events change severities, acks and status; several
 * narrow others (`inc` → `inc-1`, one more term), so the host refilters only the rows shown.
 */
const FILTERS = [
  'sev:critical,major',
  '-acked',
  'status:open',
  'sev:minor,info -is:resolved',
  'inc-1',
  'inc',
  'sev:critical,major -acked',
  'sev:critical -acked is:pending',
  'inc -is:pending',
  // Terms a row cannot decide: the page waits for the host.
  'inc label:team',
  'team:payments',
];

const id = fc.constantFrom(...IDS);
const severity = fc.constantFrom(...SEVERITIES);
const fingerprint = fc.constantFrom('f1', 'f2', 'f3');
const at = fc.integer({ min: 1_000, max: 4_000_000 });

const eventArb: fc.Arbitrary<Omit<HubEvent, 'seq'>> = fc.oneof(
  fc.record({ id, severity, at }).map(({ id: incidentId, severity: s, at: t }) => ({
    type: 'incident_opened' as const,
    incidentId,
    at: t,
    actor,
    title: `t ${incidentId}`,
    severity: s,
    source: 'alertmanager' as const,
    groupKey: incidentId,
  })),
  fc
    .record({ id, fingerprint, severity, at })
    .map(({ id: incidentId, fingerprint: f, severity: s, at: t }) => ({
      type: 'alert_fired' as const,
      incidentId,
      at: t,
      actor,
      alert: {
        fingerprint: f,
        source: 'alertmanager' as const,
        status: 'firing' as const,
        title: f,
        severity: s,
        service: `svc-${f}`,
        labels: {},
        annotations: {},
        links: [],
        startsAt: t,
        endsAt: null,
      },
    })),
  fc.record({ id, fingerprint, at }).map(({ id: incidentId, fingerprint: f, at: t }) => ({
    type: 'alert_resolved' as const,
    incidentId,
    at: t,
    actor,
    fingerprint: f,
    endsAt: t,
  })),
  fc.record({ id, at }).map(({ id: incidentId, at: t }) => ({
    type: 'incident_acknowledged' as const,
    incidentId,
    at: t,
    actor: person,
  })),
  fc.record({ id, at }).map(({ id: incidentId, at: t }) => ({
    type: 'incident_resolved' as const,
    incidentId,
    at: t,
    actor,
    reason: 'alerts_cleared' as const,
  })),
  fc.record({ id, at }).map(({ id: incidentId, at: t }) => ({
    type: 'incident_reopened' as const,
    incidentId,
    at: t,
    actor: person,
  })),
  fc.record({ id, severity, at }).map(({ id: incidentId, severity: s, at: t }) => ({
    type: 'severity_changed' as const,
    incidentId,
    at: t,
    actor: person,
    severity: s,
  })),
) as fc.Arbitrary<Omit<HubEvent, 'seq'>>;

let commandNumber = 0;
const commandArb: fc.Arbitrary<Command> = fc
  .record({ id, kind: fc.constantFrom('acknowledge', 'assign_commander', 'set_severity') })
  .map(({ id: incidentId, kind }) => {
    const commandId = `01J00000000000000000${String(commandNumber++).padStart(6, '0')}`;
    if (kind === 'acknowledge') return { commandId, type: 'acknowledge', incidentId };
    if (kind === 'assign_commander')
      return { commandId, type: 'assign_commander', incidentId, userId: 'alice' };
    return { commandId, type: 'set_severity', incidentId, severity: 'sev1' };
  }) as fc.Arbitrary<Command>;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(eventArb, { minLength: 1, maxLength: 6 })
      .map((events) => ({ kind: 'events' as const, events })),
  },
  { weight: 1, arbitrary: commandArb.map((command) => ({ kind: 'command' as const, command })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'take' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .option(fc.constantFrom(...FILTERS), { nil: null })
      .map((query) => ({ kind: 'filter' as const, query })),
  },
);

async function run(steps: ReadonlyArray<Step>, focus: string | null, resortShare: number): Promise<void> {
  const link = new ScriptedLink();
  // Commands never get an answer: they stay pending, so the overlay is always in play.
  link.command = () => new Promise(() => {});
  const replica = new Replica({ clientId: 'c', transport: link, now: () => NOW });
  await replica.start();
  link.handlers?.onUp();
  await flush();

  const pending = new PendingPatches();
  let board: BoardState = INITIAL_BOARD;
  // The same batches through the page's store, which also shows each filter it can decide
  // before the host answers (shared/feed/predict-filter.ts): it must end on the same board.
  let predicting: PredictingBoard = { ...INITIAL_BOARD, predicted: null, hostScope: INITIAL_BOARD.scope };
  const take = (): void => {
    const batch = pending.take();
    board = interpretPatches(board, batch, NOW, resortShare);
    predicting = receiveBatch(predicting, batch, NOW, resortShare);
  };
  const projection = new Projection(
    replica,
    { incidentId: focus, user: null },
    (patch) => pending.add(patch),
    {
      now: () => NOW,
    },
  );
  replica.subscribe((change) => projection.apply(change));
  projection.start();

  const all: HubEvent[] = [];
  let filter: string | null = null;
  for (const step of steps) {
    if (step.kind === 'take') take();
    else if (step.kind === 'filter') {
      filter = step.query;
      const caughtUp = pending.isEmpty;
      projection.setView({
        incidentId: focus,
        user: null,
        filter: filter === null ? null : { query: filter, serviceTeams: [] },
      });
      predicting = showFilter(predicting, filter ?? '');
      if (caughtUp && predicting.predicted !== null) {
        // Shown ahead from a board that was up to date: the host's answer changes nothing seen.
        const shown = listsOf(predicting);
        take();
        expect(listsOf(predicting)).toEqual(shown);
        expect(listsOf(board)).toEqual(shown);
      }
    } else if (step.kind === 'command') {
      void replica.sendCommand(step.command);
      await flush();
    } else {
      const numbered = step.events.map((event, i) => ({ ...event, seq: all.length + i + 1 }) as HubEvent);
      all.push(...numbered);
      link.handlers?.onEvents({ events: numbered });
    }
  }
  take();
  replica.stop();

  // The direct fold, and the same overlay over it.
  const confirmed = applyEvents({}, all);
  const overlay = pendingOverlay((key) => confirmed[key], replica.outboxState.pending, LOCAL_USER, NOW);
  const shown = (key: string): Incident | undefined => overlay.incidents.get(key) ?? confirmed[key];
  const compiled = compileBoardFilter(filter === null ? null : { query: filter, serviceTeams: [] });
  const kept = (key: string): boolean =>
    !compiled?.ok || compiled.keep(shown(key) as Incident, overlay.pendingByIncident.has(key));
  const expected = Object.keys(confirmed)
    .filter(kept)
    .map((key) => boardRowOf(shown(key) as Incident, overlay.pendingByIncident.has(key)));
  // What the page keeps out of sight is never shown, and never what the filter keeps.
  for (const key of board.held.keys()) expect(board.rows.has(key)).toBe(false);
  expect(new Map([...board.rows].map(([key, row]) => [key, { ...row }]))).toEqual(
    new Map(expected.map((row) => [row.id, { ...row }])),
  );
  expect(board.active.map((row) => row.id)).toEqual(
    expected
      .filter(isOpen)
      .sort(compareForBoard)
      .map((row) => row.id),
  );
  expect(board.resolved.map((row) => row.id)).toEqual(
    expected
      .filter((row) => !isOpen(row))
      .sort(resolvedOrder)
      .map((row) => row.id),
  );
  expect(listsOf(predicting)).toEqual(listsOf(board));
  // The counts the header shows, kept row by row, are the counts of the rows shown.
  const open = expected.filter(isOpen);
  const counted = {
    open: Object.fromEntries(
      SEVERITIES.map((sev) => [sev, open.filter((row) => row.severity === sev).length]),
    ),
    escalating: open.filter((row) => row.escalation != null && row.escalation.stopped === null).length,
  };
  expect(board.tally).toEqual(counted);
  expect(predicting.tally).toEqual(counted);
  expect(predicting.predicted).toBe(null);
  expect(board.seq).toBeLessThanOrEqual(all.length);
  expect(board.pending).toEqual(replica.outboxState.pending);
  if (focus !== null) expect(board.focus).toEqual({ incidentId: focus, incident: shown(focus) ?? null });
}

/** What a board shows: its lists, row by row, and the filter its header names. */
function listsOf(state: BoardState): unknown {
  return {
    active: state.active.map((row) => ({ ...row })),
    resolved: state.resolved.map((row) => ({ ...row })),
    filter: state.scope.filter,
  };
}

describe('folding events then patching', () => {
  it('equals folding them directly, with the pending overlay, however batched and coalesced', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 40 }), fc.option(id, { nil: null }), (steps, focus) =>
        run(steps, focus, RESORT_SHARE),
      ),
      { numRuns: 150 },
    );
  });

  it('keeps board order by moving rows alone, never sorting after the first board', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 40 }), (steps) =>
        run(steps, null, Number.POSITIVE_INFINITY),
      ),
      { numRuns: 150 },
    );
  });
});
