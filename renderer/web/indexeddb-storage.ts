import type { StoredOutbox } from '../../shared/outbox';
import type { BoardChanges, CachedBoard, ReplicaStorage } from '../../shared/replica';
import { BOARD_CACHE_FORMAT, persistedBoardSchema } from '../../shared/schemas/cached-board';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../shared/schemas/outbox';
import { baseChunks, changesOutgrowBase, mergeBoardRecords } from './board-records';
import { mergeSharedOutbox, mergeSharedRejected } from './shared-outbox';

// The browser console's memory between visits: the last board (so a wall display rebooted while
// the hub is down still shows its picture, marked cached) and the outbox of unsent actions.
// IndexedDB because localStorage is synchronous and too small for a board of thousands of
// incidents, and because the console's worker can reach it. The board is a base of chunks plus a
// record per incident changed since (board-records.ts), so a write stores only what changed and
// a cold start reads few records; the outbox has a store of its own, so an action is never
// queued behind a board write. What is read back is validated; anything that fails is discarded
// with a log line.

const DB_NAME = 'sitroom';
/** The outbox (and, before version 2, the whole board under one key). */
const STORE = 'replica';
/**
 * The board: `hubOrigin` → its header, `hubOrigin␀id` → an incident changed since the base (null:
 * let go), `hubOrigin␂n` → base chunk n. A store of its own (database version 3): the store of
 * version 2 held an incident per record, and a tab still running that code must not read or
 * write this layout (it now fails to open the database, and keeps its board in memory).
 */
const BOARD = 'board-base';
/** Version 2's board store, dropped at the upgrade: the hub's snapshot refills the cache. */
const OLD_BOARD = 'board';

function openDatabase(closed: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 3);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      if (db.objectStoreNames.contains(OLD_BOARD)) db.deleteObjectStore(OLD_BOARD);
      if (!db.objectStoreNames.contains(BOARD)) db.createObjectStore(BOARD);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer console in another tab is upgrading: let it, and open again on the next use.
      db.onversionchange = () => {
        db.close();
        closed();
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

/** Runs `work` in one transaction and resolves with what it returns once the transaction is done. */
function transact<T>(
  db: IDBDatabase,
  stores: string | string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(stores, mode);
    const result = work(transaction);
    transaction.oncomplete = () => resolve(result());
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** One record of a board write, and how many incidents it holds (what its put costs). */
interface BoardRecord {
  readonly key: string;
  readonly value: unknown;
  readonly incidents: number;
}

/** About this many incidents are cloned into the store per turn of the worker's event loop. */
export const WRITE_SLICE_INCIDENTS = 100;

/**
 * Puts the records a slice at a time, each slice from the success callback of the one before,
 * then runs `last`: still one transaction (a reader sees all of it or none), but `put` clones its
 * value on this thread, and a storm's 2,000 changed incidents cloned in one turn held the
 * console's worker, and so its socket and every page's feed, for 100–250 ms every write (1.4 s
 * for a whole board of 10,000), in a trace of the render benchmark.
 */
function putInSlices(store: IDBObjectStore, records: ReadonlyArray<BoardRecord>, last: () => void): void {
  const from = (start: number): void => {
    let index = start;
    let cost = 0;
    let request: IDBRequest | null = null;
    while (index < records.length && cost < WRITE_SLICE_INCIDENTS) {
      const record = records[index] as BoardRecord;
      request = store.put(record.value, record.key);
      cost += Math.max(1, record.incidents);
      index += 1;
    }
    if (index < records.length && request) request.onsuccess = () => from(index);
    else last();
  };
  from(0);
}

interface BoardHeader {
  readonly format: number;
  readonly hubId: string;
  readonly seq: number;
  readonly savedAt: number;
}

/** A ReplicaStorage in IndexedDB, namespaced by hub origin so two hubs never share a cache. */
export function createIndexedDbStorage(hubOrigin: string, log: (message: string) => void): ReplicaStorage {
  const legacyBoardKey = `board:${hubOrigin}`;
  const outboxKey = `outbox:${hubOrigin}`;
  const changed = IDBKeyRange.bound(`${hubOrigin}\u0000`, `${hubOrigin}\u0001`, false, true);
  const changeKey = (id: string): string => `${hubOrigin}\u0000${id}`;
  const base = IDBKeyRange.bound(`${hubOrigin}\u0002`, `${hubOrigin}\u0003`, false, true);
  const chunkKey = (index: number): string => `${hubOrigin}\u0002${String(index).padStart(6, '0')}`;
  /** Incidents with a change record over the base, and the base's size: when to write whole again. */
  const changedIds = new Set<string>();
  let baseSize = 0;
  let database: Promise<IDBDatabase> | null = null;
  /** The actions this worker has loaded or saved: only these may it take out of the shared outbox. */
  const known = new Set<string>();
  /** Refusals this worker has held (commandIds): one it no longer holds was dismissed here. */
  const knownRejected = new Set<string>();
  const db = (): Promise<IDBDatabase> => {
    database ??= openDatabase(() => {
      database = null;
    });
    return database;
  };

  /**
   * Writes a board or its changes in one transaction, unless the store already holds a later
   * picture of the same hub (another tab's worker, where each tab has its own, got further): a
   * tab that is behind must not put its older picture over it.
   */
  const writeChanges = async (board: BoardChanges): Promise<void> => {
    const written = await transact(await db(), BOARD, 'readwrite', (transaction) => {
      const store = transaction.objectStore(BOARD);
      let done = false;
      const read = store.get(hubOrigin);
      read.onsuccess = () => {
        const stored = read.result as Partial<BoardHeader> | null | undefined;
        if (stored?.hubId === board.hubId && typeof stored.seq === 'number' && stored.seq > board.seq) return;
        const records: Array<BoardRecord> = [];
        if (board.whole) {
          store.delete(changed);
          store.delete(base);
          for (const [index, chunk] of baseChunks(board.incidents).entries())
            records.push({ key: chunkKey(index), value: chunk, incidents: chunk.length });
        } else {
          for (const id of board.removed) records.push({ key: changeKey(id), value: null, incidents: 0 });
          for (const incident of board.incidents)
            records.push({ key: changeKey(incident.id), value: incident, incidents: 1 });
        }
        const header: BoardHeader = {
          format: BOARD_CACHE_FORMAT,
          hubId: board.hubId,
          seq: board.seq,
          savedAt: board.savedAt,
        };
        putInSlices(store, records, () => {
          store.put(header, hubOrigin);
          done = true;
        });
      };
      return () => done;
    });
    if (!written) return;
    if (board.whole) {
      changedIds.clear();
      baseSize = board.incidents.length;
      return;
    }
    for (const id of board.removed) changedIds.add(id);
    for (const incident of board.incidents) changedIds.add(incident.id);
  };

  const discard = async (reason: string): Promise<null> => {
    log(`discarding the cached board: ${reason}`);
    await transact(await db(), [BOARD, STORE], 'readwrite', (transaction) => {
      transaction.objectStore(BOARD).delete(changed);
      transaction.objectStore(BOARD).delete(base);
      transaction.objectStore(BOARD).delete(hubOrigin);
      transaction.objectStore(STORE).delete(legacyBoardKey);
      return () => undefined;
    });
    return null;
  };

  return {
    async load(): Promise<CachedBoard | null> {
      const { header, chunks, changeKeys, changeRecords, legacy } = await transact(
        await db(),
        [BOARD, STORE],
        'readonly',
        (transaction) => {
          const board = transaction.objectStore(BOARD);
          const headerRead = board.get(hubOrigin);
          const chunksRead = board.getAll(base);
          const changeKeysRead = board.getAllKeys(changed);
          const changesRead = board.getAll(changed);
          const legacyRead = transaction.objectStore(STORE).get(legacyBoardKey);
          return () => ({
            header: headerRead.result as unknown,
            chunks: chunksRead.result as unknown[],
            changeKeys: changeKeysRead.result,
            changeRecords: changesRead.result as unknown[],
            legacy: legacyRead.result as unknown,
          });
        },
      );
      let raw: unknown = legacy;
      if (header !== undefined) {
        const prefix = hubOrigin.length + 1;
        const ids = changeKeys.map((key) => String(key).slice(prefix));
        if (header === null || typeof header !== 'object') return discard('its header is not a record');
        const merged = mergeBoardRecords(chunks, ids, changeRecords);
        if ('broken' in merged) return discard(merged.broken);
        changedIds.clear();
        for (const id of ids) changedIds.add(id);
        baseSize = merged.baseSize;
        raw = {
          format: (header as BoardHeader).format,
          board: { ...(header as object), incidents: merged.incidents },
        };
      }
      if (raw === undefined) return null;
      const parsed = persistedBoardSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return discard(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
      }
      // A board an older version kept under one key: taken over once, as a base.
      if (header === undefined) {
        await writeChanges({ ...parsed.data.board, whole: true, removed: [] });
        await transact(await db(), STORE, 'readwrite', (transaction) => {
          transaction.objectStore(STORE).delete(legacyBoardKey);
          return () => undefined;
        });
      }
      return parsed.data.board;
    },
    save: (board) => writeChanges({ ...board, whole: true, removed: [] }),
    saveChanges: writeChanges,
    wantsWhole: () => changesOutgrowBase(changedIds.size, baseSize),
    async loadOutbox(): Promise<StoredOutbox> {
      const raw = await transact(await db(), STORE, 'readonly', (transaction) => {
        const read = transaction.objectStore(STORE).get(outboxKey);
        return () => read.result as unknown;
      });
      const { dropped, ...outbox } = parseStoredOutbox(raw);
      if (dropped > 0) log(`dropped ${dropped} unreadable outbox entr${dropped === 1 ? 'y' : 'ies'}`);
      for (const entry of outbox.entries) known.add(entry.command.commandId);
      for (const rejection of outbox.rejected ?? []) knownRejected.add(rejection.command.commandId);
      return outbox;
    },
    async saveOutbox(outbox: StoredOutbox): Promise<void> {
      const { entries } = outbox;
      const rejected = outbox.rejected ?? [];
      // Read and write in one transaction, so two workers saving at once cannot interleave.
      await transact(await db(), STORE, 'readwrite', (transaction) => {
        const store = transaction.objectStore(STORE);
        const read = store.get(outboxKey);
        read.onsuccess = () => {
          const stored = parseStoredOutbox(read.result);
          const refusals = mergeSharedRejected(stored.rejected ?? [], knownRejected, rejected);
          store.put(
            {
              format: OUTBOX_FORMAT,
              entries: mergeSharedOutbox(stored.entries, known, entries),
              rejected: refusals.rejected,
              // What this worker last showed, plus any the merge let go of.
              rejectedDropped: (outbox.rejectedDropped ?? 0) + refusals.dropped,
            },
            outboxKey,
          );
        };
        return () => undefined;
      });
      for (const entry of entries) known.add(entry.command.commandId);
      for (const rejection of rejected) knownRejected.add(rejection.command.commandId);
    },
  };
}
