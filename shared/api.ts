import type { ConnectionState } from './connection';
import type { IncidentMap } from './domain';
import type { HubEvent } from './events';
import type { HubInfo } from './protocol';

// The one interface the renderer talks to. In Electron the preload bridge implements it (the
// replica runs in the main process); in a browser an in-page replica does. The renderer never
// knows which.

/** What a replica tells the views: a whole board, then events to fold onto it, and its link state. */
export type ReplicaMessage =
  | { readonly type: 'board'; readonly seq: number; readonly incidents: IncidentMap }
  | { readonly type: 'events'; readonly events: ReadonlyArray<HubEvent> }
  | { readonly type: 'connection'; readonly connection: ConnectionState };

export type Unsubscribe = () => void;

export interface SitroomApi {
  /** Listens to the replica; the first messages describe the current board and connection. */
  subscribe(listener: (message: ReplicaMessage) => void): Unsubscribe;
  /** Where the hub is and how monitoring reaches it. */
  hubInfo(): Promise<HubInfo>;
  /** Plays the demo outage scenario into the hub. */
  playDemo(): Promise<void>;
}
