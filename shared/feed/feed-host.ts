import type { Unsubscribe } from '../api';
import type { ReplicaChange } from '../replica-link';
import { SendWindow } from '../send-window';
import { type BoardPatch, PendingPatches } from './patch';
import { type FeedView, Projection, type ProjectionOptions, type ProjectionSource } from './projection';

// The host's end of every page's feed, the same in the Electron main process and in a browser
// worker: one Projection per feed, its patches coalesced and sent adaptively (at once when
// quiet, once per window under a storm) through whatever carries them to the page.

/** How a batch of patches reaches its page: IPC in Electron, postMessage in a browser. */
export type PatchSink = (batch: ReadonlyArray<BoardPatch>) => void;

/** The replica as the feeds need it. */
export interface FeedSource extends ProjectionSource {
  subscribe(listener: (change: ReplicaChange) => void): Unsubscribe;
}

/**
 * The feeds one page may hold open (a page opens one or two). Each feed keeps its own picture of
 * the board in the host, which every page shares: a page that opened feeds without end (a bug, a
 * compromised renderer) would take the desktop's main process, or every tab's worker, down.
 */
export const MAX_FEEDS_PER_PAGE = 32;

/** At most this many batches a second per feed under load; a quiet feed sends at once. */
export const FEED_WINDOW_MS = 16;

interface Feed {
  readonly projection: Projection;
  readonly pending: PendingPatches;
  readonly window: SendWindow;
}

export class FeedHost {
  private readonly feeds = new Map<string, Feed>();
  private stop: Unsubscribe | null = null;

  constructor(
    private readonly source: FeedSource,
    private readonly options: ProjectionOptions & { readonly windowMs?: number } = {},
  ) {}

  /**
   * Opens a feed under `key` (a page and its feed id). Its first batch is the whole picture:
   * a reset, the outbox, the connection and the incident in view. Opening a key that is open
   * replaces that feed (its unsent patches are dropped: the reset says it all).
   */
  open(key: string, view: FeedView, send: PatchSink): void {
    this.close(key);
    this.stop ??= this.source.subscribe((change) => {
      for (const feed of this.feeds.values()) feed.projection.apply(change);
    });
    const pending = new PendingPatches();
    const window = new SendWindow({
      send: () => {
        if (!pending.isEmpty) send(pending.take());
      },
      windowMs: this.options.windowMs ?? FEED_WINDOW_MS,
    });
    const projection = new Projection(
      this.source,
      view,
      (patch) => {
        pending.add(patch);
        window.poke();
      },
      this.options,
    );
    this.feeds.set(key, { projection, pending, window });
    projection.start();
  }

  /** The page of this feed shows another incident, or another person signed in. */
  setView(key: string, view: FeedView): void {
    this.feeds.get(key)?.projection.setView(view);
  }

  close(key: string): void {
    const feed = this.feeds.get(key);
    if (!feed) return;
    this.feeds.delete(key);
    feed.window.close();
    if (this.feeds.size === 0) {
      this.stop?.();
      this.stop = null;
    }
  }

  /**
   * Throws unless the page whose feed keys start with `prefix` may open `key`: reopening one of
   * its feeds always may, a new one only below MAX_FEEDS_PER_PAGE.
   */
  checkRoomFor(prefix: string, key: string): void {
    if (this.feeds.has(key)) return;
    let open = 0;
    for (const other of this.feeds.keys()) if (other.startsWith(prefix)) open += 1;
    if (open >= MAX_FEEDS_PER_PAGE)
      throw new Error(`feedId: a page may hold at most ${MAX_FEEDS_PER_PAGE} feeds open; close one first`);
  }

  /** Closes every feed whose key starts with `prefix` (all of one page's). */
  closeWhere(prefix: string): void {
    for (const key of [...this.feeds.keys()]) if (key.startsWith(prefix)) this.close(key);
  }

  closeAll(): void {
    for (const key of [...this.feeds.keys()]) this.close(key);
  }

  /** The incidents some page has open: the replica keeps them past retention. */
  inView(): Set<string> {
    const ids = new Set<string>();
    for (const feed of this.feeds.values()) {
      const id = feed.projection.incidentInView;
      if (id !== null) ids.add(id);
    }
    return ids;
  }

  get size(): number {
    return this.feeds.size;
  }
}
