import type { OutboxEntry } from '../../shared/outbox';
import type { CachedBoard, ReplicaStorage } from '../../shared/replica';
import { BOARD_CACHE_FORMAT, persistedBoardSchema } from '../../shared/schemas/cached-board';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../shared/schemas/outbox';
import { mergeSharedOutbox } from './shared-outbox';

// The browser console's memory between visits: the last board (so a wall display rebooted while
// the hub is down still shows its picture, marked cached) and the outbox of unsent actions.
// IndexedDB because localStorage is synchronous and too small for a board of thousands of
// incidents. What is read back is validated; anything that fails is discarded with a log line.

const DB_NAME = 'sitroom';
const STORE = 'replica';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function run<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** A ReplicaStorage in IndexedDB, namespaced by hub origin so two hubs never share a cache. */
export function createIndexedDbStorage(hubOrigin: string, log: (message: string) => void): ReplicaStorage {
  const boardKey = `board:${hubOrigin}`;
  const outboxKey = `outbox:${hubOrigin}`;
  let database: Promise<IDBDatabase> | null = null;
  /** The actions this tab has loaded or saved: only these may it take out of the shared outbox. */
  const known = new Set<string>();
  const db = (): Promise<IDBDatabase> => {
    database ??= openDatabase();
    return database;
  };

  return {
    async load(): Promise<CachedBoard | null> {
      const raw: unknown = await run(await db(), 'readonly', (store) => store.get(boardKey));
      if (raw === undefined) return null;
      const parsed = persistedBoardSchema.safeParse(raw);
      if (parsed.success) return parsed.data.board;
      log(
        `discarding the cached board: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`,
      );
      await run(await db(), 'readwrite', (store) => store.delete(boardKey));
      return null;
    },
    async save(board: CachedBoard): Promise<void> {
      await run(await db(), 'readwrite', (store) =>
        store.put({ format: BOARD_CACHE_FORMAT, board }, boardKey),
      );
    },
    async loadOutbox(): Promise<ReadonlyArray<OutboxEntry>> {
      const raw: unknown = await run(await db(), 'readonly', (store) => store.get(outboxKey));
      const { entries, dropped } = parseStoredOutbox(raw);
      if (dropped > 0) log(`dropped ${dropped} unreadable outbox entr${dropped === 1 ? 'y' : 'ies'}`);
      for (const entry of entries) known.add(entry.command.commandId);
      return entries;
    },
    async saveOutbox(entries: ReadonlyArray<OutboxEntry>): Promise<void> {
      // Read and write in one transaction, so two tabs saving at once cannot interleave.
      const database_ = await db();
      await new Promise<void>((resolve, reject) => {
        const transaction = database_.transaction(STORE, 'readwrite');
        const store = transaction.objectStore(STORE);
        const read = store.get(outboxKey);
        read.onsuccess = () => {
          const stored = parseStoredOutbox(read.result).entries;
          store.put({ format: OUTBOX_FORMAT, entries: mergeSharedOutbox(stored, known, entries) }, outboxKey);
        };
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      });
      for (const entry of entries) known.add(entry.command.commandId);
    },
  };
}
