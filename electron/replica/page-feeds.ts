import type { FeedHost } from '../../shared/feed/feed-host';
import type { BoardPatch } from '../../shared/feed/patch';
import type { FeedView } from '../../shared/feed/projection';

// The desktop's feeds, keyed by page (webContents id) and the page's own feed id: the shared
// FeedHost does the work, so the desktop and the browser worker send the same patches the same
// way. A page may hold several feeds; each is opened, re-aimed and closed on its own, and a page
// that goes away takes all of its feeds with it.

export class PageFeeds {
  constructor(private readonly host: FeedHost) {}

  open(
    pageId: number,
    feedId: number,
    view: FeedView,
    send: (feedId: number, batch: ReadonlyArray<BoardPatch>) => void,
  ): void {
    this.host.checkRoomFor(`${pageId}:`, keyOf(pageId, feedId));
    this.host.open(keyOf(pageId, feedId), view, (batch) => send(feedId, batch));
  }

  setView(pageId: number, feedId: number, view: FeedView): void {
    this.host.setView(keyOf(pageId, feedId), view);
  }

  close(pageId: number, feedId: number): void {
    this.host.close(keyOf(pageId, feedId));
  }

  /** The page was destroyed or loaded a new document. */
  closePage(pageId: number): void {
    this.host.closeWhere(`${pageId}:`);
  }

  closeAll(): void {
    this.host.closeAll();
  }

  get size(): number {
    return this.host.size;
  }
}

const keyOf = (pageId: number, feedId: number): string => `${pageId}:${feedId}`;
