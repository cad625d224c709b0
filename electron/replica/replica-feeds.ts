import type { ReplicaMessage, Unsubscribe } from '../../shared/api';
import { ReplicaBatcher } from './replica-batcher';

/** Anything that can be listened to like the Replica (it is the Replica in the app). */
export interface ReplicaSource {
  subscribe(listener: (message: ReplicaMessage) => void): Unsubscribe;
}

/**
 * One batched replica feed per page (keyed by webContents id). Subscribing again replaces the
 * page's feed: the pending batch is dropped and a fresh board follows, which is exactly what a
 * reloaded page or a second listener in the same page needs.
 */
export class ReplicaFeeds {
  private readonly feeds = new Map<
    number,
    { readonly batcher: ReplicaBatcher; readonly stop: Unsubscribe }
  >();

  constructor(
    private readonly source: ReplicaSource,
    private readonly intervalMs = 16,
  ) {}

  open(pageId: number, send: (batch: ReadonlyArray<ReplicaMessage>) => void): void {
    this.close(pageId);
    const batcher = new ReplicaBatcher({ send, intervalMs: this.intervalMs });
    const stop = this.source.subscribe((message) => batcher.push(message));
    this.feeds.set(pageId, { batcher, stop });
  }

  close(pageId: number): void {
    const feed = this.feeds.get(pageId);
    if (!feed) return;
    this.feeds.delete(pageId);
    feed.stop();
    feed.batcher.dispose();
  }

  closeAll(): void {
    for (const pageId of [...this.feeds.keys()]) this.close(pageId);
  }

  get size(): number {
    return this.feeds.size;
  }
}
