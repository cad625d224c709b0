import type { ReplicaMessage } from '../../shared/api';
import type { HubEvent } from '../../shared/events';

// Under an alert storm the replica can emit thousands of messages a second; one IPC hop each
// would flood the renderer. The batcher holds them for one frame (~16 ms) and sends at most
// three: the newest board (which already contains every event before it), the events that
// followed it, and the newest connection state.

/** Folds messages into the smallest equivalent batch, in the order the renderer must apply them. */
export class PendingMessages {
  private board: Extract<ReplicaMessage, { type: 'board' }> | null = null;
  private events: HubEvent[] = [];
  private connection: Extract<ReplicaMessage, { type: 'connection' }> | null = null;

  add(message: ReplicaMessage): void {
    switch (message.type) {
      case 'board':
        this.board = message;
        this.events = [];
        return;
      case 'events':
        // A loop, not push(...events): a storm batch can exceed the engine's argument limit.
        for (const event of message.events) this.events.push(event);
        return;
      case 'connection':
        this.connection = message;
        return;
    }
  }

  get isEmpty(): boolean {
    return this.board === null && this.events.length === 0 && this.connection === null;
  }

  /** The batch to send, emptying the pending set. */
  take(): ReadonlyArray<ReplicaMessage> {
    const batch: ReplicaMessage[] = [];
    if (this.board) batch.push(this.board);
    if (this.events.length > 0) batch.push({ type: 'events', events: this.events });
    if (this.connection) batch.push(this.connection);
    this.board = null;
    this.events = [];
    this.connection = null;
    return batch;
  }
}

export interface ReplicaBatcherOptions {
  readonly send: (batch: ReadonlyArray<ReplicaMessage>) => void;
  readonly intervalMs?: number;
}

/** Collects replica messages and sends them as one batch per interval. */
export class ReplicaBatcher {
  private readonly pending = new PendingMessages();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: ReplicaBatcherOptions) {}

  push(message: ReplicaMessage): void {
    if (this.disposed) return;
    this.pending.add(message);
    this.timer ??= setTimeout(() => this.flush(), this.options.intervalMs ?? 16);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.disposed || this.pending.isEmpty) return;
    this.options.send(this.pending.take());
  }

  /** Drops whatever is pending: the page it was for is gone or has asked for a fresh board. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
