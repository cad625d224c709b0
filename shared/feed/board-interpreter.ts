import type { ConnectionState } from '../connection';
import { assertNever, type Incident, isOpen } from '../domain';
import type { EscalationLevelPaged, HubEvent } from '../events';
import type { OutboxEntry, RejectedCommand } from '../outbox';
import { activeOrder, insertRow, merge, removeRow, resolvedOrder } from './board-order';
import type { BoardRow } from './board-row';
import { type BoardTally, EMPTY_TALLY, tallyCounter, tallyOf } from './board-tally';
import { HeldRows } from './held-rows';
import type { BoardPatch, BoardScope, LabelValues } from './patch';
import { RowMap } from './row-map';

// The one interpreter of a console's patches, used by the page on both hosts. It keeps the
// rows by id and the two board lists in order by moving only what changed; it never folds an
// event. Pure: (state, batch) → state, so the store is a thin shell and Node tests drive it.

export interface BoardState {
  /** True once the first whole board has been applied: the e2e tests wait on it. */
  readonly ready: boolean;
  readonly seq: number;
  /** Every row on this board (open and resolved within retention), with pending actions applied. */
  readonly rows: RowMap;
  /**
   * Rows a board filter hides, kept so that widening the filter again costs the host an id each
   * (the host knows which of them are still current). Nothing shows them.
   */
  readonly held: HeldRows;
  /** Open incidents in board order. */
  readonly active: ReadonlyArray<BoardRow>;
  /** Resolved incidents, newest resolution first. */
  readonly resolved: ReadonlyArray<BoardRow>;
  /** Counts over `active` for the header and the escalations tab, kept as rows move. */
  readonly tally: BoardTally;
  /** The incident on screen, whole, as the host last sent it (null: none, or not on the board). */
  readonly focus: { readonly incidentId: string | null; readonly incident: Incident | null };
  /** Live events of the incident on screen since it was opened, in seq order. */
  readonly timeline: { readonly incidentId: string | null; readonly events: ReadonlyArray<HubEvent> };
  readonly connection: ConnectionState;
  /** Actions on their way to the hub (or waiting for it), oldest first. */
  readonly pending: ReadonlyArray<OutboxEntry>;
  /** Actions the hub refused, for the outbox panel. */
  readonly rejected: ReadonlyArray<RejectedCommand>;
  /** Older refusals not kept (only the newest are), until the operator has dismissed the rest. */
  readonly rejectedDropped: number;
  /** Whole boards received after the first (a snapshot after a long gap): a cue to re-fetch. */
  readonly resets: number;
  /** The filter the rows went through and what there is unfiltered, for the header's counts. */
  readonly scope: BoardScope;
  /** The label names or values the host last sent for the filter bar's completion. */
  readonly labels: LabelValues;
}

export const INITIAL_BOARD: BoardState = {
  ready: false,
  seq: 0,
  rows: RowMap.EMPTY,
  held: HeldRows.EMPTY,
  active: [],
  resolved: [],
  tally: EMPTY_TALLY,
  focus: { incidentId: null, incident: null },
  timeline: { incidentId: null, events: [] },
  connection: { status: 'connecting', since: 0, lastUpdateAt: null, cached: false },
  pending: [],
  rejected: [],
  rejectedDropped: 0,
  resets: 0,
  scope: { filter: null, filterError: null, openTotal: 0, total: 0 },
  labels: { label: null, prefix: '', values: [] },
};

/** Above this share of the board changed in one batch, sorting afresh is cheaper than moving. */
export const RESORT_SHARE = 0.25;

/** Applies a batch of patches, received at `receivedAt`, in order; the same state if nothing changed. */
export function interpretPatches(
  state: BoardState,
  batch: ReadonlyArray<BoardPatch>,
  receivedAt: number,
  resortShare: number = RESORT_SHARE,
): BoardState {
  let next = state;
  for (const patch of batch) {
    switch (patch.kind) {
      case 'reset':
        next = {
          ...withRows(next, RowMap.of(patch.rows), patch.rows, null),
          held: patch.held ? HeldRows.of(patch.held) : HeldRows.EMPTY,
          ready: true,
          seq: patch.seq,
          resets: next.ready ? next.resets + 1 : next.resets,
        };
        break;
      case 'rows':
        next = applyRows(next, patch, resortShare);
        next = {
          ...next,
          seq: Math.max(next.seq, patch.seq),
          // The host announces its connection only when the status changes, so "last update"
          // is kept here: rows reaching the board are the update the operator cares about.
          connection: { ...next.connection, lastUpdateAt: receivedAt },
        };
        break;
      case 'focus':
        next = {
          ...next,
          focus: { incidentId: patch.incidentId, incident: patch.incident },
          timeline:
            next.timeline.incidentId === patch.incidentId
              ? next.timeline
              : { incidentId: patch.incidentId, events: [] },
        };
        break;
      case 'timeline':
        if (next.timeline.incidentId === patch.incidentId)
          next = {
            ...next,
            timeline: { incidentId: patch.incidentId, events: [...next.timeline.events, ...patch.events] },
          };
        break;
      case 'outbox':
        next = {
          ...next,
          pending: patch.pending,
          rejected: patch.rejected,
          rejectedDropped: patch.rejectedDropped,
        };
        break;
      case 'connection':
        next = { ...next, connection: patch.connection };
        break;
      case 'scope': {
        const { kind: _kind, ...scope } = patch;
        next = { ...next, scope };
        break;
      }
      case 'labels': {
        const { kind: _kind, ...labels } = patch;
        next = { ...next, labels };
        break;
      }
      case 'paged':
        // News for the paging notifier (renderer/notifications), not part of the picture.
        break;
      default:
        assertNever(patch);
    }
  }
  return next;
}

/**
 * A rows patch: removed, changed, hidden, restored, in that order. The lists then move only the
 * rows whose place changed; a large batch is merged instead (see mergedLists).
 */
export function applyRows(
  state: BoardState,
  patch: Extract<BoardPatch, { kind: 'rows' }>,
  resortShare: number = RESORT_SHARE,
): BoardState {
  const { changed, removed } = patch;
  // Only ids that change something: a page that showed a filter ahead of its host
  // (predict-filter.ts) already hid and restored these rows, and the host's answer naming
  // thousands of them again must not cost a frame.
  // A storm's patches hide and restore nothing: they pay for none of this.
  const changedIds =
    changed.length === 0 || !patch.hidden?.length ? null : new Set(changed.map((row) => row.id));
  const hidden = patch.hidden?.length
    ? patch.hidden.filter((id) => state.rows.has(id) || changedIds?.has(id))
    : [];
  // A row shown is not held: asking the board first spares the held rows an index when the page
  // already brought these rows back itself.
  const restoredIds = patch.restored?.length
    ? patch.restored.filter((id) => !state.rows.has(id) && state.held.has(id))
    : [];
  if (changed.length === 0 && removed.length === 0 && hidden.length === 0 && restoredIds.length === 0)
    return state;
  // Rows that leave sight are kept in `held`; rows that come back are taken from it. A row the
  // host restores that the page does not hold would be a bug on one side: it is skipped rather
  // than shown stale.
  const hiding: BoardRow[] = [];
  let shownChanged = changed;
  if (hidden.length > 0) {
    const hiddenIds = new Set(hidden);
    const changedHidden = new Map<string, BoardRow>();
    for (const row of changed) if (hiddenIds.has(row.id)) changedHidden.set(row.id, row);
    for (const id of hidden) {
      const row = changedHidden.get(id) ?? state.rows.get(id);
      if (row) hiding.push(row);
    }
    if (changedHidden.size > 0) shownChanged = changed.filter((row) => !changedHidden.has(row.id));
  }
  const restored: BoardRow[] = [];
  for (const id of restoredIds) {
    const row = state.held.get(id);
    if (row) restored.push(row);
  }
  const leaving = hidden.length === 0 ? removed : [...removed, ...hidden];
  const arriving = restored.length === 0 ? shownChanged : [...shownChanged, ...restored];
  const rows = state.rows.with(arriving, leaving);
  const held = heldAfter(state.held, hiding, restoredIds, [
    removed,
    shownChanged.map((row) => row.id),
    restoredIds,
  ]);
  const touched = arriving.length + leaving.length;
  if (touched > state.rows.size * resortShare) {
    return { ...withRows(state, rows, null, mergedLists(state, arriving, leaving)), held };
  }
  const active = [...state.active];
  const resolved = [...state.resolved];
  const tally = tallyCounter(state.tally);
  const move = (before: BoardRow | undefined, after: BoardRow | undefined): void => {
    if (before) {
      removeRow(isOpen(before) ? active : resolved, before, orderOf(before));
      tally.remove(before);
    }
    if (after) {
      insertRow(isOpen(after) ? active : resolved, after, orderOf(after));
      tally.add(after);
    }
  };
  // Where each row was comes from the rows before this batch; a batch names an id once (a row
  // both changed and hidden leaves the lists).
  for (const id of leaving) move(state.rows.get(id), undefined);
  for (const row of arriving) move(state.rows.get(row.id), row);
  return { ...state, rows, active, resolved, tally: tally.result(), held };
}

/** The rows kept out of sight after a patch; untouched (the same value) when it hid or dropped none. */
function heldAfter(
  held: HeldRows,
  hiding: ReadonlyArray<BoardRow>,
  restoredIds: ReadonlyArray<string>,
  dropped: ReadonlyArray<ReadonlyArray<string>>,
): HeldRows {
  if (held.size === 0 && hiding.length === 0) return held;
  // Every held row came back (a filter cleared): nothing to walk.
  if (hiding.length === 0 && restoredIds.length === held.size) return HeldRows.EMPTY;
  return held.with(hiding, held.size === 0 ? [] : dropped.flat());
}

const orderOf = (row: BoardRow) => (isOpen(row) ? activeOrder : resolvedOrder);

/**
 * A large batch (a new board filter, a storm) applied by merging: the rows it leaves alone stay
 * in order, its own rows are sorted (the host sends a filter's rows already in board order, so
 * that sort only checks), and the two are merged. O(n + k log k) instead of sorting all n rows:
 * at 10,000 rows that is what keeps a filter keystroke within a frame.
 */
function mergedLists(
  state: BoardState,
  arriving: ReadonlyArray<BoardRow>,
  leaving: ReadonlyArray<string>,
): { readonly active: BoardRow[]; readonly resolved: BoardRow[] } {
  const gone = new Set<string>(leaving);
  for (const row of arriving) gone.add(row.id);
  const addedActive: BoardRow[] = [];
  const addedResolved: BoardRow[] = [];
  for (const row of arriving) (isOpen(row) ? addedActive : addedResolved).push(row);
  const kept = (list: ReadonlyArray<BoardRow>): ReadonlyArray<BoardRow> =>
    gone.size === 0 ? list : list.filter((row) => !gone.has(row.id));
  return {
    active: merge(kept(state.active), addedActive.sort(activeOrder), activeOrder),
    resolved: merge(kept(state.resolved), addedResolved.sort(resolvedOrder), resolvedOrder),
  };
}

/**
 * The state with these rows; lists sorted afresh from `all`, or the ones given. Either way every
 * open row was just walked, so the tally is counted afresh too.
 */
function withRows(
  state: BoardState,
  rows: RowMap,
  all: ReadonlyArray<BoardRow> | null,
  lists: { readonly active: BoardRow[]; readonly resolved: BoardRow[] } | null,
): BoardState {
  if (lists) return { ...state, rows, ...lists, tally: tallyOf(lists.active, state.tally) };
  const active: BoardRow[] = [];
  const resolved: BoardRow[] = [];
  for (const row of all ?? []) (isOpen(row) ? active : resolved).push(row);
  active.sort(activeOrder);
  return {
    ...state,
    rows,
    active,
    resolved: resolved.sort(resolvedOrder),
    tally: tallyOf(active, state.tally),
  };
}

/** The escalation pages a batch brings, for the paging notifier. */
export function pagesIn(batch: ReadonlyArray<BoardPatch>): ReadonlyArray<EscalationLevelPaged> {
  const pages: EscalationLevelPaged[] = [];
  for (const patch of batch) if (patch.kind === 'paged') for (const page of patch.pages) pages.push(page);
  return pages;
}
