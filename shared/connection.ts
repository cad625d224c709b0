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
  /**
   * The hub is reachable but cannot store anything (its database is down): since when and why.
   * The board is the hub's last picture and actions wait in the outbox until this clears.
   */
  readonly degraded?: { readonly since: number; readonly reason: string } | null;
}
