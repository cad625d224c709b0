import type { ReplicaMessage } from '../../shared/api';
import type { Command } from '../../shared/commands';
import type { ConnectionState } from '../../shared/connection';
import type { IncidentMap } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import { withPending } from '../../shared/optimistic';
import type { OutboxEntry, RejectedCommand } from '../../shared/outbox';
import { applyEvents } from '../../shared/reducer';
import { pruneResolved, RESOLVED_RETENTION_MS } from '../../shared/retention';
import { LOCAL_USER, type User } from '../../shared/roles';

// The board's picture of the hub, folded from the replica's messages. Pure, so the store is a
// thin shell around it and the folding is tested in Node.

export interface BoardState {
  /** True once the first whole board has been applied: the e2e tests wait on it. */
  readonly ready: boolean;
  readonly seq: number;
  /** What the hub has confirmed. */
  readonly confirmed: IncidentMap;
  /** What the views show: the confirmed picture with this console's pending actions applied. */
  readonly incidents: IncidentMap;
  readonly connection: ConnectionState;
  /** Actions on their way to the hub (or waiting for it), oldest first. */
  readonly pending: ReadonlyArray<OutboxEntry>;
  readonly pendingByIncident: Readonly<Record<string, ReadonlyArray<Command>>>;
  /** Actions the hub refused, for the outbox panel. */
  readonly rejected: ReadonlyArray<RejectedCommand>;
  /** When resolved incidents past the retention window were last let go of. */
  readonly prunedAt: number;
}

/**
 * How often the board lets go of incidents resolved more than a day ago. The replica prunes its
 * own copy when it saves, but the board folds events onto its own map, and a wall that runs for
 * weeks would otherwise keep every incident it ever saw (the wall soak measured 57 KiB each).
 */
export const BOARD_PRUNE_INTERVAL_MS = 60_000;

const NOTHING_IN_VIEW: ReadonlySet<string> = new Set();

export const INITIAL_BOARD: BoardState = {
  ready: false,
  seq: 0,
  confirmed: {},
  incidents: {},
  connection: { status: 'connecting', since: 0, lastUpdateAt: null, cached: false },
  pending: [],
  pendingByIncident: {},
  rejected: [],
  prunedAt: 0,
};

/** Folds a frame's worth of replica messages, received at `receivedAt`, onto the board in order. */
export function foldReplicaMessages(
  state: BoardState,
  messages: ReadonlyArray<ReplicaMessage>,
  receivedAt: number,
  actingUser: User = LOCAL_USER,
  /** Incidents a person has open: kept however long ago resolved. Asked only when pruning. */
  inView: () => ReadonlySet<string> = () => NOTHING_IN_VIEW,
): BoardState {
  let next = state;
  // Consecutive event messages are folded in one applyEvents call: it copies the incident map
  // once per call, so a storm of small batches costs one copy per frame, not one per batch.
  let pendingEvents: HubEvent[] = [];
  const flushEvents = (): void => {
    if (pendingEvents.length === 0) return;
    const last = pendingEvents[pendingEvents.length - 1];
    next = {
      ...next,
      confirmed: applyEvents(next.confirmed, pendingEvents),
      seq: last ? Math.max(next.seq, last.seq) : next.seq,
      // The replica only announces its connection when the status changes, so "last update"
      // is kept here: events reaching the board are the update the operator cares about.
      connection: { ...next.connection, lastUpdateAt: receivedAt },
    };
    pendingEvents = [];
  };

  for (const message of messages) {
    switch (message.type) {
      case 'events':
        pendingEvents.push(...message.events);
        break;
      case 'board':
        // A whole board replaces everything before it, including events not yet folded.
        pendingEvents = [];
        next = { ...next, ready: true, seq: message.seq, confirmed: message.incidents };
        break;
      case 'outbox':
        flushEvents();
        next = { ...next, pending: message.pending, rejected: message.rejected };
        break;
      case 'connection':
        flushEvents();
        next = { ...next, connection: message.connection };
        break;
    }
  }
  flushEvents();
  // Only when something arrived: a frame with no messages must leave the board as it was.
  if (messages.length > 0 && receivedAt - next.prunedAt >= BOARD_PRUNE_INTERVAL_MS) {
    // Never an incident someone is reading or has an action on its way for.
    const keep = new Set(inView());
    for (const entry of next.pending) keep.add(entry.command.incidentId);
    next = {
      ...next,
      confirmed: pruneResolved(next.confirmed, receivedAt, RESOLVED_RETENTION_MS, keep),
      prunedAt: receivedAt,
    };
  }
  if (next.confirmed === state.confirmed && next.pending === state.pending) return next;
  // Recomputed only when the picture or the outbox changed, so the board's selectors keep
  // their memoised results between frames that change neither.
  const view = withPending(next.confirmed, next.pending, actingUser, receivedAt);
  return { ...next, incidents: view.incidents, pendingByIncident: view.pendingByIncident };
}
