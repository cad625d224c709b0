import type { Command, CommandAnswer } from './commands';
import type { ConnectionState } from './connection';
import type { HubEvent } from './events';
import type { OutboxState } from './outbox';
import type { EventBatch, Hello, HubStatus, SyncStart } from './protocol';

// What a replica talks through and what it tells: the link to a hub it is given (socket.io in
// both hosts, a scripted link in tests) and the changes its feeds turn into patches for pages.

/** What changed in the replica, for the feeds that turn it into patches. */
export type ReplicaChange =
  /** The whole picture was replaced (the cache, a snapshot). */
  | { readonly kind: 'reset' }
  /** Events were folded; `ids` are the incidents they touched. */
  | {
      readonly kind: 'incidents';
      readonly ids: ReadonlySet<string>;
      readonly events: ReadonlyArray<HubEvent>;
    }
  /** Incidents let go of (resolved longer ago than the retention window). */
  | { readonly kind: 'removed'; readonly ids: ReadonlyArray<string> }
  | { readonly kind: 'outbox'; readonly outbox: OutboxState }
  | { readonly kind: 'connection'; readonly connection: ConnectionState };

export interface TransportHandlers {
  onUp(): void;
  /** The link is down; `reason` is what the hub said (e.g. "unauthorized"), null if nothing. */
  onDown(reason: string | null): void;
  onEvents(batch: EventBatch): void;
  /** Whether the hub can store anything; absent from transports that do not carry it. */
  onStatus?(status: HubStatus): void;
}

export interface ReplicaTransport {
  start(handlers: TransportHandlers): void;
  hello(hello: Hello): Promise<SyncStart>;
  command(command: Command): Promise<CommandAnswer>;
  /** Drops the link and connects again, reading the token afresh (after signing in or out). */
  reconnect?(): void;
  stop(): void;
}
