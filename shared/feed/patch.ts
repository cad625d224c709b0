import type { ConnectionState } from '../connection';
import { assertNever, type Incident } from '../domain';
import type { EscalationLevelPaged, HubEvent } from '../events';
import type { OutboxEntry, RejectedCommand } from '../outbox';
import type { BoardRow } from './board-row';

// What a console's host (the Electron main process, or a browser worker) tells a page: typed
// patches to the picture the page shows, never events to fold. The replica is the only fold on
// a console; the page applies these with the one interpreter in shared/feed/board-interpreter.ts.

/** What the board shows out of what there is: the header says "N of M open shown". */
export interface BoardScope {
  /** The filter the rows are filtered by (as typed), or null when they are not. */
  readonly filter: string | null;
  /** Why the filter sent was not applied (the page checks it first, so a bug or a skew). */
  readonly filterError: string | null;
  /** Open incidents in the replica, filtered or not. */
  readonly openTotal: number;
  /** Incidents in the replica, open and resolved. */
  readonly total: number;
}

/**
 * Label names (`label` null) or the values of one label, seen on the open incidents' alerts,
 * that start with `prefix`: what completes `label:` in the filter bar. The page's rows carry no
 * alerts, so the host, which has them, answers; bounded, so a label like `instance` with
 * thousands of values sends a screenful.
 */
export interface LabelValues {
  readonly label: string | null;
  readonly prefix: string;
  readonly values: ReadonlyArray<string>;
}

export type BoardPatch =
  /**
   * The whole board, replacing every row before it (a first picture, a snapshot, a cache), and
   * the rows the page is to keep out of sight (`held`: see `hidden` below).
   */
  | {
      readonly kind: 'reset';
      readonly seq: number;
      readonly rows: ReadonlyArray<BoardRow>;
      readonly held?: ReadonlyArray<BoardRow>;
    }
  /**
   * Rows that changed (or appeared) and rows that left the page. A board filter hides rows
   * instead: the page keeps them out of sight (`hidden`) and shows them again when told their id
   * (`restored`), so a filter that widens sends ids, not thousands of rows (docs/filters.md). The
   * page applies them in this order: removed, changed, hidden, restored.
   */
  | {
      readonly kind: 'rows';
      readonly seq: number;
      readonly changed: ReadonlyArray<BoardRow>;
      readonly removed: ReadonlyArray<string>;
      /** Shown rows the page keeps, out of sight; a row changed in the same patch is kept as changed. */
      readonly hidden?: ReadonlyArray<string>;
      /** Rows the page keeps out of sight, unchanged since, to show again. */
      readonly restored?: ReadonlyArray<string>;
    }
  /** The incident on screen, whole (with its alerts), or null when it is not on this board. */
  | { readonly kind: 'focus'; readonly incidentId: string | null; readonly incident: Incident | null }
  /** Live events of the incident on screen, for its timeline. */
  | { readonly kind: 'timeline'; readonly incidentId: string; readonly events: ReadonlyArray<HubEvent> }
  /** Actions not yet confirmed by the hub's event stream, and those it refused. */
  | {
      readonly kind: 'outbox';
      readonly pending: ReadonlyArray<OutboxEntry>;
      readonly rejected: ReadonlyArray<RejectedCommand>;
      /** Older refusals let go of (only the newest are kept), for the panel to say so. */
      readonly rejectedDropped: number;
    }
  | { readonly kind: 'connection'; readonly connection: ConnectionState }
  /** Escalation pages just sent, so the person paged is told at the console they sit at. */
  | { readonly kind: 'paged'; readonly pages: ReadonlyArray<EscalationLevelPaged> }
  /** What the rows are out of: the filter applied and the unfiltered totals. */
  | ({ readonly kind: 'scope' } & BoardScope)
  /** The label names, or one label's values, the page asked for to complete the filter bar. */
  | ({ readonly kind: 'labels' } & LabelValues);

export type PatchKind = BoardPatch['kind'];

type Of<K extends PatchKind> = Extract<BoardPatch, { kind: K }>;

/**
 * Patches waiting to be sent, folded into the fewest that mean the same: rows by id (the newest
 * wins, a removal cancels a change, of hiding and restoring a row the last wins), a reset
 * swallowing the rows before it, the newest outbox, connection, focus, scope and labels. Taken
 * in the order the page applies them.
 */
export class PendingPatches {
  /** A whole board waiting: its shown rows and the rows kept out of sight. */
  private reset: { shown: Map<string, BoardRow>; held: Map<string, BoardRow> } | null = null;
  private changed = new Map<string, BoardRow>();
  private removed = new Set<string>();
  /** A row in both `changed` and `hidden` is sent changed, then hidden: the page keeps it out of sight. */
  private hidden = new Set<string>();
  private restored = new Set<string>();
  private seq = 0;
  private focus: Of<'focus'> | null = null;
  private timeline: { incidentId: string; events: HubEvent[] } | null = null;
  private outbox: Of<'outbox'> | null = null;
  private connection: Of<'connection'> | null = null;
  private paged: EscalationLevelPaged[] = [];
  private scope: Of<'scope'> | null = null;
  private labels: Of<'labels'> | null = null;

  add(patch: BoardPatch): void {
    switch (patch.kind) {
      case 'reset':
        this.reset = {
          shown: new Map(patch.rows.map((row) => [row.id, row])),
          held: new Map((patch.held ?? []).map((row) => [row.id, row])),
        };
        this.changed.clear();
        this.removed.clear();
        this.hidden.clear();
        this.restored.clear();
        this.seq = patch.seq;
        return;
      case 'rows':
        this.seq = Math.max(this.seq, patch.seq);
        if (this.reset) this.addToReset(this.reset, patch);
        else this.addRows(patch);
        return;
      case 'focus':
        if (this.timeline && this.timeline.incidentId !== patch.incidentId) this.timeline = null;
        this.focus = patch;
        return;
      case 'timeline':
        if (this.timeline?.incidentId === patch.incidentId) {
          // A loop, not push(...events): a storm's batch can exceed the engine's argument limit.
          for (const event of patch.events) this.timeline.events.push(event);
        } else this.timeline = { incidentId: patch.incidentId, events: [...patch.events] };
        return;
      case 'outbox':
        this.outbox = patch;
        return;
      case 'connection':
        this.connection = patch;
        return;
      case 'paged':
        for (const page of patch.pages) this.paged.push(page);
        return;
      case 'scope':
        this.scope = patch;
        return;
      case 'labels':
        this.labels = patch;
        return;
      default:
        assertNever(patch);
    }
  }

  /** Rows after rows, in the order the page applies them: removed, changed, hidden, restored. */
  private addRows(patch: Of<'rows'>): void {
    for (const id of patch.removed) {
      this.changed.delete(id);
      this.hidden.delete(id);
      this.restored.delete(id);
      this.removed.add(id);
    }
    for (const row of patch.changed) {
      this.removed.delete(row.id);
      this.hidden.delete(row.id);
      this.restored.delete(row.id);
      this.changed.set(row.id, row);
    }
    // The last word wins: hidden after restored is sent hidden, restored after hidden is sent
    // restored. Letting the two cancel out assumed the page still showed what the host did, and
    // a page that showed a filter ahead of its host (predict-filter.ts) may not: it had hidden a
    // row itself, then a key it could not decide left that row out of sight for good. The page
    // skips a hide of a row it does not show and a restore of one it does not hold, so the last
    // word is always safe to send.
    for (const id of patch.hidden ?? []) {
      this.restored.delete(id);
      this.hidden.add(id);
    }
    for (const id of patch.restored ?? []) {
      this.hidden.delete(id);
      // A row changed in this batch is sent whole and shown; restoring it too would show it twice.
      if (!this.changed.has(id)) this.restored.add(id);
    }
  }

  /** Rows after a whole board: folded into it. */
  private addToReset(
    reset: { shown: Map<string, BoardRow>; held: Map<string, BoardRow> },
    patch: Of<'rows'>,
  ): void {
    for (const id of patch.removed) {
      reset.shown.delete(id);
      reset.held.delete(id);
    }
    for (const row of patch.changed) {
      reset.shown.set(row.id, row);
      reset.held.delete(row.id);
    }
    const move = (id: string, from: Map<string, BoardRow>, to: Map<string, BoardRow>): void => {
      const row = from.get(id);
      if (row === undefined) return;
      from.delete(id);
      to.set(id, row);
    };
    for (const id of patch.hidden ?? []) move(id, reset.shown, reset.held);
    for (const id of patch.restored ?? []) move(id, reset.held, reset.shown);
  }

  get isEmpty(): boolean {
    return (
      this.reset === null &&
      this.changed.size === 0 &&
      this.removed.size === 0 &&
      this.hidden.size === 0 &&
      this.restored.size === 0 &&
      this.focus === null &&
      this.timeline === null &&
      this.outbox === null &&
      this.connection === null &&
      this.paged.length === 0 &&
      this.scope === null &&
      this.labels === null
    );
  }

  /** The batch to send, emptying the pending set. */
  take(): ReadonlyArray<BoardPatch> {
    const batch: BoardPatch[] = [];
    if (this.reset) {
      const held = [...this.reset.held.values()];
      batch.push({
        kind: 'reset',
        seq: this.seq,
        rows: [...this.reset.shown.values()],
        ...(held.length > 0 ? { held } : {}),
      });
    } else if (
      this.changed.size > 0 ||
      this.removed.size > 0 ||
      this.hidden.size > 0 ||
      this.restored.size > 0
    )
      batch.push({
        kind: 'rows',
        seq: this.seq,
        changed: [...this.changed.values()],
        removed: [...this.removed],
        ...(this.hidden.size > 0 ? { hidden: [...this.hidden] } : {}),
        ...(this.restored.size > 0 ? { restored: [...this.restored] } : {}),
      });
    if (this.scope) batch.push(this.scope);
    if (this.labels) batch.push(this.labels);
    if (this.outbox) batch.push(this.outbox);
    if (this.focus) batch.push(this.focus);
    if (this.timeline) batch.push({ kind: 'timeline', ...this.timeline });
    if (this.connection) batch.push(this.connection);
    if (this.paged.length > 0) batch.push({ kind: 'paged', pages: this.paged });
    this.reset = null;
    this.changed = new Map();
    this.removed = new Set();
    this.hidden = new Set();
    this.restored = new Set();
    this.focus = null;
    this.timeline = null;
    this.outbox = null;
    this.connection = null;
    this.paged = [];
    this.scope = null;
    this.labels = null;
    return batch;
  }
}
