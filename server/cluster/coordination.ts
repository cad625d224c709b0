import type { LogFolder } from '../store/log-folder';

// How a hub learns what the other hubs on its log do, and whether it is the one that runs the
// once-only work (cluster/leader-work.ts). A hub on SQLite is alone: always the leader, and no
// one else commits. Hubs on PostgreSQL: store/postgres/pg-coordination.ts.

/** What /healthz says about the hubs sharing this log. */
export interface ClusterView {
  /** This hub process: an id that lives as long as the process. */
  readonly instance: string;
  /** The instance that runs the once-only work now, if known. */
  readonly leader: string | null;
  /** The other hubs seen recently, with their configuration's hash. */
  readonly peers: ReadonlyArray<{
    readonly instance: string;
    readonly configHash: string;
    readonly seenAt: number;
  }>;
}

export interface Coordination {
  isLeader(): boolean;
  /** Called on every change of leadership (true: this hub leads now). */
  onLeadership(listener: (leading: boolean) => void): void;
  /** Starts following the others' commits into `folder`, and competing for leadership. */
  start(folder: LogFolder): void;
  describe(): ClusterView;
  close(): Promise<void>;
}

/** One hub on its own log. */
export class SoleHub implements Coordination {
  private readonly listeners: Array<(leading: boolean) => void> = [];
  private leading = false;

  constructor(private readonly instance: string) {}

  isLeader(): boolean {
    return this.leading;
  }

  onLeadership(listener: (leading: boolean) => void): void {
    this.listeners.push(listener);
  }

  start(): void {
    this.leading = true;
    for (const listener of this.listeners) listener(true);
  }

  describe(): ClusterView {
    return { instance: this.instance, leader: this.instance, peers: [] };
  }

  async close(): Promise<void> {
    this.leading = false;
  }
}
