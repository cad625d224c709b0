import type { EventLog } from '../store/event-log';
import {
  DELIVERY_EVENT_TYPES,
  LOOK_BACK_MS,
  type UnfinishedDeliveries,
  UnfinishedFinder,
} from './unfinished-deliveries';

// A new term's read of what earlier terms left unfinished, a page at a time. The look-back window
// holds every page, notice, silence request and outcome of the last 24 h: in a page storm tens of
// thousands of rows. Read in one query that is one long block of the event loop (SQLite reads on
// the main thread) and one large result; read in pages, consoles and ingest run between them, and
// only the requests still open are kept.

/** Events read per page: a few milliseconds of the event loop each (docs/performance.md). */
export const UNFINISHED_PAGE_SIZE = 1_000;

export interface ReadUnfinishedOptions {
  /** The last seq the term folded before it began: later requests are the live work's. */
  readonly throughSeq: number;
  readonly now: number;
  /** Whether the term that reads is still the current one; checked after every page. */
  stillCurrent(): boolean;
  readonly pageSize?: number;
}

/** Finds the deliveries earlier terms left unfinished; null when the term ended while reading. */
export async function readUnfinished(
  store: Pick<EventLog, 'eventsOfTypesSince'>,
  options: ReadUnfinishedOptions,
): Promise<UnfinishedDeliveries | null> {
  const pageSize = options.pageSize ?? UNFINISHED_PAGE_SIZE;
  const since = options.now - LOOK_BACK_MS;
  const finder = new UnfinishedFinder(options.throughSeq);
  for (let afterSeq = 0; ; ) {
    const page = await store.eventsOfTypesSince(DELIVERY_EVENT_TYPES, since, afterSeq, pageSize);
    if (!options.stillCurrent()) return null;
    finder.add(page);
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return finder.result();
    afterSeq = last.seq;
    // SQLite answers on this thread: without a turn of the event loop here the pages would run
    // back to back as one block.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
