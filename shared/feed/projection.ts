import type { ConnectionState } from '../connection';
import { assertNever, type Incident, isOpen } from '../domain';
import type { EscalationLevelPaged, HubEvent } from '../events';
import {
  type BoardFilter,
  type CompiledBoardFilter,
  compileBoardFilter,
  sameBoardFilter,
} from '../filter/board-filter';
import { keepsSubsetOf } from '../filter/narrowing';
import { NO_OVERLAY, type PendingOverlay, pendingOverlay } from '../optimistic';
import type { OutboxState } from '../outbox';
import type { ReplicaChange } from '../replica-link';
import { LOCAL_USER, type User } from '../roles';
import { activeOrder } from './board-order';
import { type BoardRow, boardRowOf } from './board-row';
import { LabelCounts, type LabelQuestion, sameLabelQuestion } from './label-answer';
import type { BoardPatch, BoardScope } from './patch';

// One page's view of the replica, turned into patches: board rows for the incidents that
// changed (with this console's pending actions applied), the incident on screen whole, and the
// outbox and connection. It runs beside the replica (main process, worker), so the page never
// folds an event or runs the planner.

/** What the page shows, which decides what its feed carries. */
export interface FeedView {
  /** The incident on screen: it travels whole (alerts too) and is kept past retention. */
  readonly incidentId: string | null;
  /** Who pending actions are shown as done by (the signed-in user; the local user if none). */
  readonly user: User | null;
  /** The board filter (docs/filters.md): only what it keeps is sent as rows. None: everything. */
  readonly filter?: BoardFilter | null;
  /** What the filter bar is completing after `label:`, answered with a `labels` patch. */
  readonly labels?: LabelQuestion | null;
}

export const BOARD_VIEW: FeedView = { incidentId: null, user: null, filter: null };

/** The replica as a projection reads it. */
export interface ProjectionSource {
  readonly state: { readonly seq: number; readonly incidents: Readonly<Record<string, Incident>> };
  incident(id: string): Incident | undefined;
  readonly outboxState: OutboxState;
  readonly connectionState: ConnectionState;
}

export interface ProjectionOptions {
  /**
   * Which incidents this page's board shows (a board filter, say); the rest are sent as removed.
   * All of them by default.
   */
  readonly include?: (incident: Incident) => boolean;
  readonly now?: () => number;
}

export class Projection {
  private overlay: PendingOverlay = NO_OVERLAY;
  /** The rows the page shows, as sent: one that stops being shown is sent as hidden or removed. */
  private readonly shown = new Map<string, BoardRow>();
  /**
   * The rows the page keeps out of sight (a filter hid them), as sent. While a row here is still
   * the incident's row (rows are made once per incident value), showing it again costs its id.
   */
  private readonly held = new Map<string, BoardRow>();
  /** Every incident on the board before filtering, and the open ones: what the header counts "of". */
  private readonly known = new Set<string>();
  private readonly open = new Set<string>();
  private filter: CompiledBoardFilter | null;
  private lastScope: BoardScope | null = null;
  private readonly now: () => number;
  /** The filter bar's label counts, kept across the keys of one question until the replica changes. */
  private readonly labelCounts: LabelCounts;

  constructor(
    private readonly source: ProjectionSource,
    private view: FeedView,
    private readonly emit: (patch: BoardPatch) => void,
    private readonly options: ProjectionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.filter = compileBoardFilter(view.filter);
    this.labelCounts = new LabelCounts(() => Object.values(source.state.incidents));
  }

  /** The whole picture: what a feed starts with. */
  start(): void {
    this.overlay = this.computeOverlay();
    this.emitReset();
    this.emit({ kind: 'outbox', ...this.source.outboxState });
    this.emit({ kind: 'connection', connection: this.source.connectionState });
    this.emitFocus();
    this.emitLabels();
  }

  /** The page now shows another incident (or none), or another person signed in. */
  setView(view: FeedView): void {
    const userChanged = view.user?.id !== this.view.user?.id;
    const focusChanged = view.incidentId !== this.view.incidentId;
    const filterChanged = !sameBoardFilter(view.filter, this.view.filter);
    const labelsChanged = !sameLabelQuestion(view.labels, this.view.labels);
    const narrows = filterChanged && keepsSubsetOf(this.view.filter, view.filter);
    this.view = view;
    if (filterChanged) {
      this.filter = compileBoardFilter(view.filter);
      // A filter that only narrows keeps none of the rows not shown: only the shown are looked at.
      this.refilter(narrows ? this.shown.keys() : this.known);
    }
    if (userChanged) this.refreshOverlay(new Set());
    if (focusChanged || userChanged) this.emitFocus();
    if (labelsChanged) this.emitLabels();
  }

  get incidentInView(): string | null {
    return this.view.incidentId;
  }

  apply(change: ReplicaChange): void {
    switch (change.kind) {
      case 'reset':
        this.labelCounts.clear();
        this.overlay = this.computeOverlay();
        this.emitReset();
        this.emitFocus();
        return;
      case 'incidents':
        this.labelCounts.clear();
        this.incidentsChanged(change.ids, change.events);
        return;
      case 'removed':
        this.labelCounts.clear();
        this.emitRows(change.ids);
        if (this.view.incidentId !== null && change.ids.includes(this.view.incidentId)) this.emitFocus();
        return;
      case 'outbox':
        this.emit({ kind: 'outbox', ...change.outbox });
        this.refreshOverlay(new Set());
        return;
      case 'connection':
        this.emit({ kind: 'connection', connection: change.connection });
        return;
      default:
        assertNever(change);
    }
  }

  private incidentsChanged(ids: ReadonlySet<string>, events: ReadonlyArray<HubEvent>): void {
    let overlayTouched = false;
    for (const id of ids) {
      if (this.overlay.pendingByIncident.has(id) || this.overlay.incidents.has(id)) overlayTouched = true;
    }
    if (overlayTouched) this.refreshOverlay(ids);
    else this.emitRows(ids);
    const focus = this.view.incidentId;
    if (focus !== null && ids.has(focus)) {
      this.emitFocus();
      const mine = events.filter((event) => event.incidentId === focus);
      if (mine.length > 0) this.emit({ kind: 'timeline', incidentId: focus, events: mine });
    }
    const pages = events.filter(
      (event): event is EscalationLevelPaged => event.type === 'escalation_level_paged',
    );
    if (pages.length > 0) this.emit({ kind: 'paged', pages });
  }

  /** Recomputes the pending overlay; rows it touched before or touches now are sent again. */
  private refreshOverlay(alsoChanged: ReadonlySet<string>): void {
    const before = this.overlay;
    this.overlay = this.computeOverlay();
    const ids = new Set(alsoChanged);
    for (const id of before.incidents.keys()) ids.add(id);
    for (const id of before.pendingByIncident.keys()) ids.add(id);
    for (const id of this.overlay.incidents.keys()) ids.add(id);
    for (const id of this.overlay.pendingByIncident.keys()) ids.add(id);
    this.emitRows(ids);
    const focus = this.view.incidentId;
    if (focus !== null && ids.has(focus) && !alsoChanged.has(focus)) this.emitFocus();
  }

  private computeOverlay(): PendingOverlay {
    const pending = this.source.outboxState.pending;
    if (pending.length === 0) return NO_OVERLAY;
    return pendingOverlay(
      (id) => this.source.incident(id),
      pending,
      this.view.user ?? LOCAL_USER,
      this.now(),
    );
  }

  /** The incident as this page shows it: confirmed, with pending actions applied. */
  private shownIncident(id: string): Incident | undefined {
    return this.overlay.incidents.get(id) ?? this.source.incident(id);
  }

  /** The incident's row, and whether this page's board shows it. */
  private rowFor(incident: Incident): { readonly row: BoardRow; readonly kept: boolean } {
    const pending = this.overlay.pendingByIncident.has(incident.id);
    return { row: boardRowOf(incident, pending), kept: this.keeps(incident, pending) };
  }

  /** True when this page's board shows the incident. */
  private keeps(incident: Incident, pending: boolean): boolean {
    if (this.options.include && !this.options.include(incident)) return false;
    return !this.filter?.ok || this.filter.keep(incident, pending);
  }

  /** Counts an incident (or its absence) in the totals the header shows "of". */
  private count(id: string, incident: Incident | undefined): void {
    if (!incident) {
      this.known.delete(id);
      this.open.delete(id);
      return;
    }
    this.known.add(id);
    if (isOpen(incident)) this.open.add(id);
    else this.open.delete(id);
  }

  private emitRows(ids: Iterable<string>): void {
    const changed: BoardRow[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const incident = this.shownIncident(id);
      this.count(id, incident);
      const found = incident ? this.rowFor(incident) : null;
      if (found?.kept) {
        changed.push(found.row);
        this.shown.set(id, found.row);
        this.held.delete(id);
      } else if (this.shown.delete(id)) removed.push(id);
      // A row kept out of sight that is no longer the incident's is dropped: showing it again
      // will send the row afresh.
      else if (this.held.has(id) && this.held.get(id) !== found?.row) {
        this.held.delete(id);
        removed.push(id);
      }
    }
    if (changed.length > 0 || removed.length > 0)
      this.emit({ kind: 'rows', seq: this.source.state.seq, changed, removed });
    this.emitScope();
  }

  private emitReset(): void {
    const rows: BoardRow[] = [];
    this.shown.clear();
    this.held.clear();
    this.known.clear();
    this.open.clear();
    const confirmed = this.source.state.incidents;
    for (const id in confirmed) {
      const incident = this.shownIncident(id);
      this.count(id, incident);
      const found = incident ? this.rowFor(incident) : null;
      if (!found?.kept) continue;
      rows.push(found.row);
      this.shown.set(id, found.row);
    }
    this.emit({ kind: 'reset', seq: this.source.state.seq, rows });
    this.emitScope();
  }

  /**
   * The filter changed: only the rows that start or stop being shown are named, so a keystroke
   * over 10,000 incidents moves what it must and the rows still shown keep their identity. Rows
   * that stop being shown are hidden (the page keeps them); rows the page keeps that are still
   * current are restored by id, so a filter that widens sends ids, not rows. `candidates` are the
   * ids that may change place: every one on the board, or only those shown when the filter narrows.
   */
  private refilter(candidates: Iterable<string>): void {
    const changed: BoardRow[] = [];
    const hidden: string[] = [];
    const restored: BoardRow[] = [];
    // The ids counted as on the board, not a for-in over the replica's table: that is a
    // dictionary-mode object at 10,000 incidents, and enumerating it sorted its keys on every key.
    // When they are the shown rows' own keys, deleting the one being visited is safe: a Map's
    // iterator goes on from the next entry.
    for (const id of candidates) {
      const incident = this.shownIncident(id);
      if (!incident) continue;
      // No row made or looked up for the incidents whose place does not change: at 10,000 that
      // is most of them, on every key.
      const pending = this.overlay.pendingByIncident.has(id);
      const kept = this.keeps(incident, pending);
      const showing = this.shown.get(id);
      if (kept && showing === undefined) {
        const row = boardRowOf(incident, pending);
        (this.held.get(id) === row ? restored : changed).push(row);
        this.held.delete(id);
        this.shown.set(id, row);
      } else if (!kept && showing !== undefined) {
        this.shown.delete(id);
        this.held.set(id, showing);
        hidden.push(id);
      }
    }
    // In board order: the page then merges them into its lists instead of sorting (the page's
    // frame is the scarce one; this runs beside the replica).
    changed.sort(activeOrder);
    restored.sort(activeOrder);
    if (changed.length > 0 || hidden.length > 0 || restored.length > 0)
      this.emit({
        kind: 'rows',
        seq: this.source.state.seq,
        changed,
        removed: [],
        ...(hidden.length > 0 ? { hidden } : {}),
        ...(restored.length > 0 ? { restored: restored.map((row) => row.id) } : {}),
      });
    this.emitScope();
  }

  /** Answers the filter bar's question about labels, if it has one. */
  private emitLabels(): void {
    const question = this.view.labels;
    if (!question) return;
    this.emit({ kind: 'labels', ...this.labelCounts.answer(question) });
  }

  /** What the board shows out of what there is, when that changed. */
  private emitScope(): void {
    const filter = this.filter;
    const scope: BoardScope = {
      filter: filter?.ok ? filter.query : null,
      filterError: filter && !filter.ok ? filter.message : null,
      openTotal: this.open.size,
      total: this.known.size,
    };
    const last = this.lastScope;
    if (
      last &&
      last.filter === scope.filter &&
      last.filterError === scope.filterError &&
      last.openTotal === scope.openTotal &&
      last.total === scope.total
    )
      return;
    this.lastScope = scope;
    this.emit({ kind: 'scope', ...scope });
  }

  private emitFocus(): void {
    const id = this.view.incidentId;
    this.emit({
      kind: 'focus',
      incidentId: id,
      incident: id === null ? null : (this.shownIncident(id) ?? null),
    });
  }
}
