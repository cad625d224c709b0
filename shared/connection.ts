// What the console knows about its link to the hub, for the connection indicator.

export type ConnectionStatus = 'connecting' | 'live' | 'offline';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** When the current status began (epoch ms). */
  readonly since: number;
  /** When the last event or snapshot from the hub arrived, or null if never. */
  readonly lastUpdateAt: number | null;
  /** True while the board shows a cached picture the hub has not confirmed yet. */
  readonly cached: boolean;
  /** Why the link is down when the hub said so, e.g. "unauthorized" (the token was refused). */
  readonly reason?: string | null;
}
