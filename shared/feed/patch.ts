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

export type BoardPatch =
  /** The whole board, replacing every row before it (a first picture, a snapshot, a cache). */
  | { readonly kind: 'reset'; readonly seq: number; readonly rows: ReadonlyArray<BoardRow> }
  /** Rows that changed (or appeared) and rows that left the board. */
  | {
      readonly kind: 'rows';
      readonly seq: number;
      readonly changed: ReadonlyArray<BoardRow>;
      readonly removed: ReadonlyArray<string>;
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
    }
  | { readonly kind: 'connection'; readonly connection: ConnectionState }
  /** Escalation pages just sent, so the person paged is told at the console they sit at. */
  | { readonly kind: 'paged'; readonly pages: ReadonlyArray<EscalationLevelPaged> }
  /** What the rows are out of: the filter applied and the unfiltered totals. */
  | ({ readonly kind: 'scope' } & BoardScope);

export type PatchKind = BoardPatch['kind'];

type Of<K extends PatchKind> = Extract<BoardPatch, { kind: K }>;

/**
 * Patches waiting to be sent, folded into the fewest that mean the same: rows by id (the newest
 * wins, a removal cancels a change), a reset swallowing the rows before it, the newest outbox,
 * connection and focus. Taken in the order the page applies them.
 */
export class PendingPatches {
  private reset: Map<string, BoardRow> | null = null;
  private changed = new Map<string, BoardRow>();
  private removed = new Set<string>();
  private seq = 0;
  private focus: Of<'focus'> | null = null;
  private timeline: { incidentId: string; events: HubEvent[] } | null = null;
  private outbox: Of<'outbox'> | null = null;
  private connection: Of<'connection'> | null = null;
  private paged: EscalationLevelPaged[] = [];
  private scope: Of<'scope'> | null = null;

  add(patch: BoardPatch): void {
    switch (patch.kind) {
      case 'reset':
        this.reset = new Map(patch.rows.map((row) => [row.id, row]));
        this.changed.clear();
        this.removed.clear();
        this.seq = patch.seq;
        return;
      case 'rows':
        this.seq = Math.max(this.seq, patch.seq);
        for (const row of patch.changed) {
          if (this.reset) this.reset.set(row.id, row);
          else {
            this.changed.set(row.id, row);
            this.removed.delete(row.id);
          }
        }
        for (const id of patch.removed) {
          if (this.reset) this.reset.delete(id);
          else {
            this.changed.delete(id);
            this.removed.add(id);
          }
        }
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
      default:
        assertNever(patch);
    }
  }

  get isEmpty(): boolean {
    return (
      this.reset === null &&
      this.changed.size === 0 &&
      this.removed.size === 0 &&
      this.focus === null &&
      this.timeline === null &&
      this.outbox === null &&
      this.connection === null &&
      this.paged.length === 0 &&
      this.scope === null
    );
  }

  /** The batch to send, emptying the pending set. */
  take(): ReadonlyArray<BoardPatch> {
    const batch: BoardPatch[] = [];
    if (this.reset) batch.push({ kind: 'reset', seq: this.seq, rows: [...this.reset.values()] });
    else if (this.changed.size > 0 || this.removed.size > 0)
      batch.push({
        kind: 'rows',
        seq: this.seq,
        changed: [...this.changed.values()],
        removed: [...this.removed],
      });
    if (this.scope) batch.push(this.scope);
    if (this.outbox) batch.push(this.outbox);
    if (this.focus) batch.push(this.focus);
    if (this.timeline) batch.push({ kind: 'timeline', ...this.timeline });
    if (this.connection) batch.push(this.connection);
    if (this.paged.length > 0) batch.push({ kind: 'paged', pages: this.paged });
    this.reset = null;
    this.changed = new Map();
    this.removed = new Set();
    this.focus = null;
    this.timeline = null;
    this.outbox = null;
    this.connection = null;
    this.paged = [];
    this.scope = null;
    return batch;
  }
}
