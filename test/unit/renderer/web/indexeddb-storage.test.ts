import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_CHUNK, COMPACT_AFTER } from '../../../../renderer/web/board-records';
import { createIndexedDbStorage, WRITE_SLICE_INCIDENTS } from '../../../../renderer/web/indexeddb-storage';
import { BoardSaver } from '../../../../shared/board-saver';
import type { Incident } from '../../../../shared/domain';
import type { OutboxEntry, RejectedCommand } from '../../../../shared/outbox';
import { applyEvents } from '../../../../shared/reducer';
import { numbered, opened } from '../../../support/fixtures';

// The browser console's board cache, against an IndexedDB implementation (fake-indexeddb): a base
// of chunks written whole, changes laid over it one record per incident, compaction, a tab that
// is behind never writing over a later picture, and damaged records discarded.

const HUB = 'http://hub.test:8080';

function incidents(count: number, from = 0): Incident[] {
  const events = numbered(
    Array.from({ length: count }, (_, i) => opened(`INC-${from + i}`, 'sev2')),
    1,
  );
  return Object.values(applyEvents({}, events));
}

const header = { hubId: 'hub-1', seq: 7, savedAt: 1_000 };
const ids = (board: { incidents: ReadonlyArray<Incident> } | null) =>
  (board?.incidents ?? []).map((incident) => incident.id).sort();

/** The raw records of the board store, to see its layout. */
async function boardKeys(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('sitroom');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const read = db.transaction('board-base').objectStore('board-base').getAllKeys();
    read.onsuccess = () => resolve(read.result);
  });
  db.close();
  return keys.map(String);
}

/** Puts a raw record into the board store, as a damaged disk or an old version might have. */
async function putRaw(value: unknown, key: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const request = indexedDB.open('sitroom');
    request.onsuccess = () => resolve(request.result);
  });
  await new Promise<void>((resolve) => {
    const transaction = db.transaction('board-base', 'readwrite');
    transaction.objectStore('board-base').put(value, key);
    transaction.oncomplete = () => resolve();
  });
  db.close();
}

/** The saver writes in the background: wait until what it wrote is visible. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the write never landed');
}

const changeKeys = async () => (await boardKeys()).filter((key) => key.startsWith(`${HUB}\u0000`));

beforeEach(() => {
  // A fresh database for every test.
  globalThis.indexedDB = new IDBFactory();
});

describe('IndexedDB board cache', () => {
  it('stores a whole board as base chunks and reads it back', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    const board = incidents(BASE_CHUNK * 2 + BASE_CHUNK / 2);
    await storage.saveChanges?.({ ...header, whole: true, removed: [], incidents: board });
    const chunks = (await boardKeys()).filter((key) => key.startsWith(`${HUB}\u0002`));
    expect(chunks).toHaveLength(3);
    const loaded = await createIndexedDbStorage(HUB, () => undefined).load();
    expect(ids(loaded)).toEqual(ids({ incidents: board }));
    expect(loaded?.seq).toBe(7);
  });

  it('clones a big write a slice per turn, so the socket of the worker runs between slices', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    await storage.saveChanges?.({ ...header, whole: true, removed: [], incidents: incidents(10) });
    // A timer chain counts the turns of the event loop while the write runs.
    let turn = 0;
    let counting = true;
    const count = (): void => {
      turn += 1;
      if (counting) setTimeout(count, 0);
    };
    setTimeout(count, 0);
    const turnOfEachPut: number[] = [];
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      turnOfEachPut.push(turn);
      return put.apply(this, args);
    };
    const changes = incidents(WRITE_SLICE_INCIDENTS * 5, 100);
    try {
      await storage.saveChanges?.({ ...header, seq: 8, whole: false, removed: [], incidents: changes });
    } finally {
      IDBObjectStore.prototype.put = put;
      counting = false;
    }
    const putsPerTurn = new Map<number, number>();
    for (const at of turnOfEachPut) putsPerTurn.set(at, (putsPerTurn.get(at) ?? 0) + 1);
    expect(putsPerTurn.size).toBeGreaterThanOrEqual(5);
    // A slice, and the header after the last one.
    expect(Math.max(...putsPerTurn.values())).toBeLessThanOrEqual(WRITE_SLICE_INCIDENTS + 1);
    const loaded = await createIndexedDbStorage(HUB, () => undefined).load();
    expect(loaded?.incidents).toHaveLength(10 + changes.length);
    expect(loaded?.seq).toBe(8);
  });

  it('lays changes and let-go incidents over the base', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    const board = incidents(30);
    await storage.saveChanges?.({ ...header, whole: true, removed: [], incidents: board });
    const acknowledged = { ...(board[3] as Incident), acknowledgedAt: 2_000 };
    await storage.saveChanges?.({
      ...header,
      seq: 9,
      whole: false,
      removed: ['INC-4', 'INC-5'],
      incidents: [acknowledged, ...incidents(2, 100)],
    });
    const loaded = await createIndexedDbStorage(HUB, () => undefined).load();
    expect(loaded?.seq).toBe(9);
    expect(loaded?.incidents).toHaveLength(30);
    expect(ids(loaded)).not.toContain('INC-4');
    expect(ids(loaded)).toContain('INC-101');
    expect(loaded?.incidents.find((incident) => incident.id === 'INC-3')?.acknowledgedAt).toBe(2_000);
  });

  it('asks for a whole write once changes outgrow the base, and the whole write compacts them', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    let board = incidents(COMPACT_AFTER * 3);
    const incidentsById = () => Object.fromEntries(board.map((incident) => [incident.id, incident]));
    const saver = new BoardSaver({
      storage,
      delayMs: 0,
      board: () => ({ ...header, incidents: incidentsById() }),
      beforeWrite: () => undefined,
    });
    saver.flush();
    await until(async () => (await boardKeys()).length > 0);
    expect(storage.wantsWhole?.()).toBe(false);

    board = board.map((incident) => ({ ...incident, acknowledgedAt: 5 }));
    saver.changed(board.slice(0, COMPACT_AFTER * 2).map((incident) => incident.id));
    saver.flush();
    await until(async () => (await changeKeys()).length === COMPACT_AFTER * 2);
    expect(storage.wantsWhole?.()).toBe(true);

    saver.changed(['INC-0']);
    saver.flush();
    await until(async () => (await changeKeys()).length === 0);
    expect(storage.wantsWhole?.()).toBe(false);
    const loaded = await createIndexedDbStorage(HUB, () => undefined).load();
    expect(loaded?.incidents.every((incident) => incident.acknowledgedAt === 5)).toBe(true);
  });

  it('counts an incident changed twice once towards compaction', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    await storage.saveChanges?.({ ...header, whole: true, removed: [], incidents: incidents(100) });
    const flapping = incidents(COMPACT_AFTER, 1000);
    for (let seq = 8; seq < 12; seq++)
      await storage.saveChanges?.({ ...header, seq, whole: false, removed: [], incidents: flapping });
    expect(storage.wantsWhole?.()).toBe(false);
    await storage.saveChanges?.({
      ...header,
      seq: 12,
      whole: false,
      removed: [],
      incidents: incidents(1, 5000),
    });
    expect(storage.wantsWhole?.()).toBe(true);
  });

  it('never lets a tab that is behind write its older picture over a later one', async () => {
    const ahead = createIndexedDbStorage(HUB, () => undefined);
    const behind = createIndexedDbStorage(HUB, () => undefined);
    const board = incidents(20);
    await ahead.saveChanges?.({ ...header, seq: 10, whole: true, removed: [], incidents: board });
    const acknowledged = { ...(board[0] as Incident), acknowledgedAt: 3_000 };
    await ahead.saveChanges?.({ ...header, seq: 20, whole: false, removed: [], incidents: [acknowledged] });
    await behind.saveChanges?.({ ...header, seq: 15, whole: true, removed: [], incidents: board });
    await behind.saveChanges?.({ ...header, seq: 16, whole: false, removed: ['INC-1'], incidents: [] });
    const loaded = await createIndexedDbStorage(HUB, () => undefined).load();
    expect(loaded?.seq).toBe(20);
    expect(loaded?.incidents).toHaveLength(20);
    expect(loaded?.incidents.find((incident) => incident.id === 'INC-0')?.acknowledgedAt).toBe(3_000);
    // Another hub's picture (a new hubId) replaces it whatever its seq.
    await behind.saveChanges?.({
      ...header,
      hubId: 'hub-2',
      seq: 1,
      whole: true,
      removed: [],
      incidents: board,
    });
    expect((await createIndexedDbStorage(HUB, () => undefined).load())?.hubId).toBe('hub-2');
  });

  it('discards a cache whose header is damaged', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    await storage.saveChanges?.({ ...header, whole: true, removed: [], incidents: incidents(10) });
    await putRaw(null, HUB);
    const logged: string[] = [];
    expect(await createIndexedDbStorage(HUB, (line) => logged.push(line)).load()).toBeNull();
    expect(logged.join('\n')).toMatch(/header is not a record/);
    expect(await boardKeys()).toEqual([]);
  });

  it('discards a cache whose base is damaged, and says why', async () => {
    const storage = createIndexedDbStorage(HUB, () => undefined);
    await storage.saveChanges?.({ ...header, whole: true, removed: [], incidents: incidents(10) });
    await putRaw({ not: 'a list' }, `${HUB}\u0002000000`);
    const logged: string[] = [];
    expect(await createIndexedDbStorage(HUB, (line) => logged.push(line)).load()).toBeNull();
    expect(logged.join('\n')).toMatch(/base chunk is not a list/);
    expect(await boardKeys()).toEqual([]);
  });
});

describe('IndexedDB outbox', () => {
  const ack = (id: string, queuedAt: number): OutboxEntry => ({
    command: { commandId: id, type: 'acknowledge', incidentId: 'INC-1' },
    queuedAt,
  });
  const refusal = (id: string, at: number): RejectedCommand => ({
    command: { commandId: id, type: 'acknowledge', incidentId: 'INC-2' },
    error: { code: 'conflict', message: 'INC-2 was already resolved by dana' },
    at,
  });
  const A = '01J0000000000000000000000A';
  const B = '01J0000000000000000000000B';
  const C = '01J0000000000000000000000C';

  it('keeps the refusals not yet dismissed beside the unsent actions, for the next worker to show', async () => {
    await createIndexedDbStorage(HUB, () => undefined).saveOutbox?.({
      entries: [ack(A, 1)],
      rejected: [refusal(B, 2)],
      rejectedDropped: 4,
    });
    expect(await createIndexedDbStorage(HUB, () => undefined).loadOutbox?.()).toEqual({
      entries: [ack(A, 1)],
      rejected: [refusal(B, 2)],
      rejectedDropped: 4,
    });
  });

  it("takes out a refusal this worker dismissed, and keeps one another tab's worker holds", async () => {
    const mine = createIndexedDbStorage(HUB, () => undefined);
    const other = createIndexedDbStorage(HUB, () => undefined);
    await mine.saveOutbox?.({ entries: [], rejected: [refusal(B, 2)] });
    await other.saveOutbox?.({ entries: [], rejected: [refusal(C, 3)] });
    await mine.saveOutbox?.({ entries: [], rejected: [] });
    expect((await createIndexedDbStorage(HUB, () => undefined).loadOutbox?.())?.rejected).toEqual([
      refusal(C, 3),
    ]);
  });
});
