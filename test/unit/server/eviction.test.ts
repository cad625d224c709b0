import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planIngest } from '../../../server/ingest/grouping';
import { HubState } from '../../../server/state';
import { LogFolder } from '../../../server/store/log-folder';
import { SqliteLog } from '../../../server/store/sqlite/sqlite-log';
import { StoreHealth } from '../../../server/store/store-health';
import { Writer } from '../../../server/store/writer';
import { alert, batch } from '../../support/fixtures';

// A hub that runs for months lets go of long-resolved incidents; the log still has them, and
// anything that happens to one later (a note, a reopen) brings it back whole.

const stores: SqliteLog[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function hubOnRealStore() {
  const store = new SqliteLog(mkdtempSync(join(tmpdir(), 'sitroom-evict-')));
  stores.push(store);
  const state = new HubState([], 0);
  const folder = new LogFolder(state, store);
  const writer = new Writer(store, folder, new StoreHealth());
  const ingest = (b: Parameters<typeof planIngest>[0]) =>
    writer.submit((view) => planIngest(b, view.openIncidentFor(b.groupKey), view.newIncidentId));
  return { store, state, folder, writer, ingest };
}

describe('letting go of old incidents', () => {
  it('rebuilds an evicted incident from the log, and takes it back when something happens to it', async () => {
    const { state, folder, writer, ingest } = hubOnRealStore();
    await ingest(batch('g1', [alert('a')], { receivedAt: 1_000 }));
    await ingest(batch('g1', [alert('a', { status: 'resolved', endsAt: 2_000 })], { receivedAt: 2_000 }));
    const resolved = state.incident('INC-1');
    expect(resolved?.status).toBe('resolved');

    expect(state.evictResolvedBefore(3_000)).toBe(1);
    expect([...state.incidents()]).toEqual([]);
    expect(state.incident('INC-1')).toBeUndefined();
    await folder.recall(['INC-1']);
    expect(state.incident('INC-1')).toEqual(resolved);
    expect(state.evictResolvedBefore(3_000)).toBe(1);

    // A post-incident note lands on it: it comes back, with the note applied once.
    await writer.submit(() => [
      {
        type: 'responder_added',
        incidentId: 'INC-1',
        at: 4_000,
        actor: { kind: 'user', id: 'dana' },
        userId: 'dana',
      },
    ]);
    expect([...state.incidents()].map((incident) => incident.id)).toEqual(['INC-1']);
    expect(state.incident('INC-1')?.responders).toEqual(['dana']);
  });

  it('keeps open incidents and recently resolved ones', async () => {
    const { state, ingest } = hubOnRealStore();
    await ingest(batch('g1', [alert('a')], { receivedAt: 1_000 }));
    await ingest(batch('g2', [alert('b')], { receivedAt: 1_000 }));
    await ingest(batch('g2', [alert('b', { status: 'resolved', endsAt: 5_000 })], { receivedAt: 5_000 }));
    expect(state.evictResolvedBefore(4_000)).toBe(0);
    expect(state.size).toBe(2);
  });
});
