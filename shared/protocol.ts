import { z } from 'zod';
import type { CommandAnswer } from './commands';
import type { Incident } from './domain';
import type { HubEvent } from './events';
import type { Role, User } from './roles';

// The socket.io contract between the hub and every console. Event names live here and nowhere
// else: the hub is a Server<ClientToServerEvents, ServerToClientEvents>, consoles the mirror.

/** A console introduces itself with what it already holds. */
export const helloSchema = z.object({
  clientId: z.string().min(1).max(100),
  /** The hub the cached state came from; a different hub (or a wiped one) means start over. */
  hubId: z.string().max(100).nullable(),
  lastSeq: z.number().int().min(0),
  /**
   * The console takes a snapshot as a `sync:snapshot` event just before the answer (which then
   * says `snapshot-sent`), not inside it: the hub sends one encoding of the board to every
   * console asking at once. Absent from older consoles (their answer holds the snapshot), and
   * ignored by older hubs (the answer holds it).
   */
  snapshotApart: z.boolean().optional(),
});
export type Hello = z.infer<typeof helloSchema>;

/** Everything a console needs to start from scratch: the incidents worth showing at `seq`. */
export interface BoardSnapshot {
  readonly hubId: string;
  readonly seq: number;
  readonly incidents: ReadonlyArray<Incident>;
}

/** The answer to hello: the events missed since lastSeq, or a snapshot when a delta is not possible. */
/**
 * The hub's board checksum (shared/checksum.ts) at a seq: a console holding that seq must match it.
 * Sent as `fingerprint`: hubs before 2026-12-07 sent a checksum made another way as `checkpoint`,
 * and a console compares only the kind it knows (an older console sees no checkpoint, rather than
 * a mismatch every second).
 */
export interface Checkpoint {
  readonly seq: number;
  readonly checksum: string;
}

export type SyncStart =
  | {
      readonly kind: 'delta';
      readonly hubId: string;
      readonly events: ReadonlyArray<HubEvent>;
      readonly fingerprint?: Checkpoint;
      readonly userId?: string;
    }
  | {
      readonly kind: 'snapshot';
      readonly snapshot: BoardSnapshot;
      readonly fingerprint?: Checkpoint;
      readonly userId?: string;
    }
  | { readonly kind: 'error'; readonly message: string };
/** What a hello is answered with: a SyncStart, or (asked for with `snapshotApart`) word that the
 * snapshot was the `sync:snapshot` event just before; the transport puts the two together. */
export type HelloAnswer = SyncStart | { readonly kind: 'snapshot-sent'; readonly userId?: string };
// userId: who the hub let this console in as (the user its token names); absent from older hubs.
// The outbox sends an action queued offline only as the person who made it (shared/outbox.ts).

/** Live events, coalesced by the hub into short batches; seqs are consecutive within a batch. */
export interface EventBatch {
  readonly events: ReadonlyArray<HubEvent>;
  /** About once a second: the checksum after this batch's last event. */
  readonly fingerprint?: Checkpoint;
}

/** Whether the hub can store anything: while it cannot, consoles say it is degraded. */
export type HubStatus =
  | { readonly store: 'ok' }
  | { readonly store: 'unavailable'; readonly since: number; readonly reason: string };

export const SOCKET_EVENTS = {
  hello: 'sync:hello',
  events: 'sync:events',
  status: 'sync:status',
  snapshot: 'sync:snapshot',
  command: 'command',
} as const;

export interface ClientToServerEvents {
  'sync:hello': (hello: Hello, answer: (start: HelloAnswer) => void) => void;
  /** A command body (shared/commands.ts), validated by the hub; answered once it is durable. */
  command: (command: unknown, answer: (result: CommandAnswer) => void) => void;
}

export interface ServerToClientEvents {
  'sync:events': (batch: EventBatch) => void;
  /** After every hello and whenever it changes. */
  'sync:status': (status: HubStatus) => void;
  /** The board, for a hello that asked for it apart (`snapshotApart`), just before its answer. */
  'sync:snapshot': (start: Extract<SyncStart, { kind: 'snapshot' }>) => void;
}

/** Who a console is signed in as (GET /api/v1/session). */
export interface Session {
  readonly user: User;
  readonly openMode: boolean;
  /** The least role that may silence alerts (integrations.yaml silence_role); absent from older hubs. */
  readonly silenceRole?: Role;
  /**
   * The integrations whose Alertmanager API the hub can reach (integrations.yaml `api_url`): an
   * incident whose alerts came through none of them cannot be silenced from here. Absent from
   * older hubs, where a console offers silencing and the hub says why when it refuses.
   */
  readonly silenceApis?: ReadonlyArray<string>;
}

/** Where the hub can be reached, for the empty board and the start-up banner. */
export interface HubInfo {
  readonly hubId: string;
  readonly consoleUrl: string;
  readonly ingest: {
    readonly alertmanager: string;
    readonly pagerduty: string;
    readonly pagerdutyEnqueue: string;
  };
  /** Open local mode (no users.yaml, or the demo): everyone is admin, loopback only. */
  readonly openMode: boolean;
  readonly demoRunning: boolean;
  /** The demo can be played here: a hub without a configuration folder, or one started with --demo. */
  readonly demoAvailable: boolean;
}

/** How much of the log a hub replays as a delta before it sends a snapshot instead. */
export const MAX_DELTA_EVENTS = 50_000;
