import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readUnfinished } from '../../../../server/cluster/read-unfinished';
import { findUnfinished, LOOK_BACK_MS } from '../../../../server/cluster/unfinished-deliveries';
import { SqliteLog } from '../../../../server/store/sqlite/sqlite-log';
import type { HubEvent } from '../../../../shared/events';
import { danaPaged, danaReached } from '../../../support/delivery-events';
import { appendEvents } from '../../../support/event-logs';
import { tempDataDir } from '../../../support/hub';

// A new term reads the look-back window a page at a time from a real SQLite log: it finds what one
// read of the whole window finds, lets the event loop run between pages, and stops reading once
// its term has ended.

const NOW = 10 * LOOK_BACK_MS;
const system = { kind: 'system' } as const;

/** Pages of INC-1, each second one delivered, and notes between (not read: not delivery types). */
function history(count: number): HubEvent[] {
  const events: HubEvent[] = [];
  for (let i = 0; i < count; i++) {
    const at = NOW - LOOK_BACK_MS / 2 + i;
    const seq = events.length + 1;
    events.push(danaPaged(seq, at, 'INC-1'));
    events.push({ seq: seq + 1, at, actor: system, incidentId: 'INC-1', type: 'note_added', text: 'x' });
    if (i % 2 === 0) events.push(danaReached(seq + 2, at, 'INC-1', `${seq}.0`));
  }
  return events;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeWith(events: ReadonlyArray<HubEvent>): Promise<SqliteLog> {
  const dir = tempDataDir('sitroom-read-unfinished-');
  dirs.push(dir);
  const store = new SqliteLog(dir, () => {});
  await appendEvents(store, events, 2);
  return store;
}

const open = (found: {
  pages: ReadonlyArray<{ request: { seq: number }; finished: { claim(id: string, key: string): boolean } }>;
}) =>
  found.pages
    .filter(({ request, finished }) => !finished.claim(`${request.seq}.0`, ''))
    .map(({ request }) => request.seq);

describe('readUnfinished', () => {
  it('finds, page by page, what one read of the whole window finds', async () => {
    const events = history(25);
    const store = await storeWith(events);
    const paged = await readUnfinished(store, {
      throughSeq: 1_000,
      now: NOW,
      stillCurrent: () => true,
      pageSize: 4,
    });
    expect(paged).not.toBeNull();
    expect(open(paged as NonNullable<typeof paged>)).toEqual(open(findUnfinished(events, 1_000)));
    expect(open(paged as NonNullable<typeof paged>)).toHaveLength(12);
    await store.close();
  });

  it('lets the event loop run between pages', async () => {
    const store = await storeWith(history(25));
    let pagesRead = 0;
    let pagesWhenTheLoopRan: number | null = null;
    setImmediate(() => {
      pagesWhenTheLoopRan = pagesRead;
    });
    await readUnfinished(store, {
      throughSeq: 1_000,
      now: NOW,
      stillCurrent: () => {
        pagesRead += 1;
        return true;
      },
      pageSize: 4,
    });
    expect(pagesRead).toBe(10);
    expect(pagesWhenTheLoopRan).toBe(1);
    await store.close();
  });

  it('stops reading once its term has ended', async () => {
    const store = await storeWith(history(25));
    let pagesRead = 0;
    const found = await readUnfinished(store, {
      throughSeq: 1_000,
      now: NOW,
      stillCurrent: () => ++pagesRead < 2,
      pageSize: 4,
    });
    expect(found).toBeNull();
    expect(pagesRead).toBe(2);
    await store.close();
  });
});
