import type { Change } from '../../shared/changes/change';
import type { CommandAnswer } from '../../shared/commands';
import type { Incident } from '../../shared/domain';
import type { HubEvent, HubEventType } from '../../shared/events';
import { encodeEvent } from './event-json';

// The hub's durable memory, whatever holds it: an append-only event log with a gap-free seq that
// is one total order for every hub writing to it, the first answer to every command, the incident
// counter and occasional snapshots of the folded state. Two implementations with the same
// semantics (test/integration/store-contract.test.ts runs one suite against both):
//   SQLite (store/sqlite/): one hub, embedded; commits in a worker thread, so an fsync never
//     stops the event loop that serves consoles.
//   PostgreSQL (store/postgres/): any number of hubs; commits serialised by a transaction-level
//     advisory lock, each hub catching up on the others' events inside its own commit.
// Everything is asynchronous: a PostgreSQL answer is a network round trip.

export type StoreKind = 'sqlite' | 'postgresql';

export interface StoredSnapshot {
  readonly seq: number;
  readonly incidents: ReadonlyArray<Incident>;
}

/** Where a read of incidents by opening time stopped: the incident_opened event of the last one. */
export interface OpenedCursor {
  readonly at: number;
  readonly seq: number;
}

/** A command as first recorded: who sent it, what it said, and the answer it got. */
export interface KnownCommand {
  readonly userId: string;
  /** sha256 of the command's body; null for commands recorded before bodies were hashed. */
  readonly bodySha256: string | null;
  readonly answer: CommandAnswer;
}

export interface CommandRecord extends KnownCommand {
  readonly commandId: string;
  readonly at: number;
}

/** What a commit's planner sees, read under the log's write lock. */
export interface CommitView {
  /** Events other hubs committed after the seq the commit was asked at, oldest first. */
  readonly missed: ReadonlyArray<HubEvent>;
  /** The commands already recorded, among those the commit asked about. */
  readonly commands: ReadonlyMap<string, KnownCommand>;
  /** The number the next new incident gets (INC-n). */
  readonly nextIncidentNumber: number;
  /**
   * Whether this hub's leader session still holds the leader's lock, as the commit's transaction
   * sees it under the write lock (a hub alone on its file always leads): leader work plans
   * nothing without it, so a leader that lost its lock while its commit waited writes nothing.
   */
  readonly leading: boolean;
}

/** What a commit writes: events numbered from the log's last seq + 1, in order. */
export interface CommitWrite {
  readonly events: ReadonlyArray<HubEvent>;
  readonly commands: ReadonlyArray<CommandRecord>;
  readonly nextIncidentNumber: number;
}

/** An event as stored: seq, at, type, incident id, the event as JSON. */
export type EventRow = readonly [number, number, string, string, string];
/** A command's answer as stored: command id, user id, body sha256, at, the answer as JSON. */
export type CommandRow = readonly [string, string, string | null, number, string];

export function eventRow(event: HubEvent): EventRow {
  return [event.seq, event.at, event.type, event.incidentId, encodeEvent(event)];
}

/** A change as stored in the `changes` table: seq of its event, when it happened, service, kind, the change as JSON. */
export type ChangeRow = readonly [number, number, string, string, string];

/** The `changes` rows of a batch: one per change_recorded event, written in the same transaction. */
export function changeRows(events: ReadonlyArray<HubEvent>): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const event of events) {
    if (event.type !== 'change_recorded') continue;
    const change = event.change;
    rows.push([event.seq, change.at, change.service, change.kind, JSON.stringify(change)]);
  }
  return rows;
}

/** Which changes to read: those to any of `services` made in [from, to], newest first, at most `limit`. */
export interface ChangesQuery {
  readonly services: ReadonlyArray<string>;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
}

export function commandRow(command: CommandRecord): CommandRow {
  return [command.commandId, command.userId, command.bodySha256, command.at, JSON.stringify(command.answer)];
}

/** Plans that changed nothing (an escalation check that found nothing to do) need no fsync. */
export function isEmpty(write: CommitWrite): boolean {
  return write.events.length === 0 && write.commands.length === 0;
}

export interface CommitRequest {
  /** The last seq the caller has folded: `missed` starts after it. */
  readonly afterSeq: number;
  readonly commandIds: ReadonlyArray<string>;
  /**
   * Write even when the plans wrote nothing: proves the store can make a write durable again
   * (the writer's probe while unavailable). Otherwise a commit with nothing to write writes nothing.
   */
  readonly probe?: boolean;
  /**
   * Told how long each step of the commit took, for the hub's metrics: on PostgreSQL a commit is
   * several round trips under a lock shared by every hub; on SQLite most of it is the fsync.
   */
  readonly timed?: (stage: CommitStage, seconds: number) => void;
}

/**
 * The steps of a commit. PostgreSQL: waiting for a connection and the write lock (with the read
 * of what the others committed, in the same round trip when it can be), planning and writing,
 * and COMMIT (the fsync; the other hubs are notified as it completes). SQLite: handing the batch
 * to the writer thread and its write lock, the inserts, and COMMIT with its fsync.
 */
export type CommitStage = 'lock' | 'write' | 'commit';

/** A commit could not be made durable: nothing of it was written. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the event log is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

export interface EventLog {
  readonly kind: StoreKind;
  /** Where the log is, for /healthz and the start-up banner (never a password). */
  readonly location: string;
  /** The log's identity: consoles holding state from another (or a wiped) log start over. */
  logId(): Promise<string>;
  /**
   * One group commit: under the log's write lock, reads what `build` needs to plan against the
   * log as it stands, lets it plan, and writes what it returns in one durable transaction.
   * Resolves only once that transaction is durable; rejects (writing nothing) otherwise.
   */
  commit(request: CommitRequest, build: (view: CommitView) => Promise<CommitWrite>): Promise<void>;
  lastSeq(): Promise<number>;
  /** Events after `afterSeq`, oldest first, at most `limit`. */
  eventsAfter(afterSeq: number, limit: number): Promise<HubEvent[]>;
  /** The timeline of one incident, oldest first, up to `throughSeq` when given. */
  eventsOfIncident(incidentId: string, throughSeq?: number): Promise<HubEvent[]>;
  /**
   * The events of up to `limit` incidents opened in [from, to) after `after` (or from the start),
   * grouped by incident in opening order, each incident's oldest first.
   */
  eventsOfIncidentsOpened(
    from: number,
    to: number,
    limit: number,
    after: OpenedCursor | null,
  ): Promise<HubEvent[]>;
  /**
   * One page of the events of `types` recorded at or after `since` (ms): those after `afterSeq`,
   * oldest first, at most `limit` (through events_by_type_at). The leader's look for deliveries a
   * previous term left unfinished walks them page by page (cluster/read-unfinished.ts).
   */
  eventsOfTypesSince(
    types: ReadonlyArray<HubEventType>,
    since: number,
    afterSeq: number,
    limit: number,
  ): Promise<HubEvent[]>;
  /** Changes to the query's services in its window, newest first (the `changes` table). */
  changesIn(query: ChangesQuery): Promise<Change[]>;
  /** The newest snapshot that reads back whole; one that does not is logged and passed over. */
  latestSnapshot(): Promise<StoredSnapshot | null>;
  /** Saves the folded state at `seq` (serialised already) and forgets older snapshots. */
  saveSnapshot(seq: number, body: string): Promise<void>;
  close(): Promise<void>;
}

/** Reads a stored snapshot, or says why it cannot be used. */
export function parseSnapshot(body: string): StoredSnapshot | string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'seq' in parsed &&
      Number.isSafeInteger(parsed.seq) &&
      'incidents' in parsed &&
      Array.isArray(parsed.incidents) &&
      parsed.incidents.every(looksLikeIncident)
    )
      return parsed as StoredSnapshot;
    return 'it is not a snapshot (no seq, or incidents without id, status or alerts)';
  } catch (error) {
    return `it is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

function looksLikeIncident(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'status' in value &&
    typeof value.status === 'string' &&
    'alerts' in value &&
    typeof value.alerts === 'object' &&
    value.alerts !== null
  );
}
