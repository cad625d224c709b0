import type { OutboxEntry } from '../../shared/outbox';
import type { BoardChanges, CachedBoard, ReplicaStorage } from '../../shared/replica';
import { BOARD_CACHE_FORMAT, persistedBoardSchema } from '../../shared/schemas/cached-board';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../shared/schemas/outbox';
import { mergeSharedOutbox } from './shared-outbox';

// The browser console's memory between visits: the last board (so a wall display rebooted while
// the hub is down still shows its picture, marked cached) and the outbox of unsent actions.
// IndexedDB because localStorage is synchronous and too small for a board of thousands of
// incidents, and because the console's worker can reach it. The board is kept an incident per
// record, so a write stores only what changed since the last one; the outbox has a store of its
// own, so an action is never queued behind a board write. What is read back is validated;
// anything that fails is discarded with a log line.

const DB_NAME = 'sitroom';
/** The outbox (and, before version 2, the whole board under one key). */
const STORE = 'replica';
/** The board: `hubOrigin` → its header, `hubOrigin␀id` → each incident. */
const BOARD = 'board';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
      if (!db.objectStoreNames.contains(BOARD)) db.createObjectStore(BOARD);
    };
    request.onsuccess = () => resolve(request.result);
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
  const incidents = IDBKeyRange.bound(`${hubOrigin}\u0000`, `${hubOrigin}\u0001`, false, true);
  const incidentKey = (id: string): string => `${hubOrigin}\u0000${id}`;
  let database: Promise<IDBDatabase> | null = null;
  /** The actions this worker has loaded or saved: only these may it take out of the shared outbox. */
  const known = new Set<string>();
  const db = (): Promise<IDBDatabase> => {
    database ??= openDatabase();
    return database;
  };

  const writeChanges = async (changes: BoardChanges): Promise<void> =>
    transact(await db(), BOARD, 'readwrite', (transaction) => {
      const store = transaction.objectStore(BOARD);
      if (changes.whole) store.delete(incidents);
      for (const id of changes.removed) store.delete(incidentKey(id));
      for (const incident of changes.incidents) store.put(incident, incidentKey(incident.id));
      const header: BoardHeader = {
        format: BOARD_CACHE_FORMAT,
        hubId: changes.hubId,
        seq: changes.seq,
        savedAt: changes.savedAt,
      };
      store.put(header, hubOrigin);
      return () => undefined;
    });

  const discard = async (reason: string): Promise<null> => {
    log(`discarding the cached board: ${reason}`);
    await transact(await db(), [BOARD, STORE], 'readwrite', (transaction) => {
      transaction.objectStore(BOARD).delete(incidents);
      transaction.objectStore(BOARD).delete(hubOrigin);
      transaction.objectStore(STORE).delete(legacyBoardKey);
      return () => undefined;
    });
    return null;
  };

  return {
    async load(): Promise<CachedBoard | null> {
      const { header, rows, legacy } = await transact(
        await db(),
        [BOARD, STORE],
        'readonly',
        (transaction) => {
          const board = transaction.objectStore(BOARD);
          const headerRead = board.get(hubOrigin);
          const rowsRead = board.getAll(incidents);
          const legacyRead = transaction.objectStore(STORE).get(legacyBoardKey);
          return () => ({
            header: headerRead.result as unknown,
            rows: rowsRead.result as unknown[],
            legacy: legacyRead.result as unknown,
          });
        },
      );
      // A board an older version kept under one key: taken over once, into records of their own.
      const raw =
        header === undefined
          ? legacy
          : { format: (header as BoardHeader).format, board: { ...(header as object), incidents: rows } };
      if (raw === undefined) return null;
      const parsed = persistedBoardSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return discard(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
      }
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
    async loadOutbox(): Promise<ReadonlyArray<OutboxEntry>> {
      const raw = await transact(await db(), STORE, 'readonly', (transaction) => {
        const read = transaction.objectStore(STORE).get(outboxKey);
        return () => read.result as unknown;
      });
      const { entries, dropped } = parseStoredOutbox(raw);
      if (dropped > 0) log(`dropped ${dropped} unreadable outbox entr${dropped === 1 ? 'y' : 'ies'}`);
      for (const entry of entries) known.add(entry.command.commandId);
      return entries;
    },
    async saveOutbox(entries: ReadonlyArray<OutboxEntry>): Promise<void> {
      // Read and write in one transaction, so two workers saving at once cannot interleave.
      await transact(await db(), STORE, 'readwrite', (transaction) => {
        const store = transaction.objectStore(STORE);
        const read = store.get(outboxKey);
        read.onsuccess = () => {
          const stored = parseStoredOutbox(read.result).entries;
          store.put({ format: OUTBOX_FORMAT, entries: mergeSharedOutbox(stored, known, entries) }, outboxKey);
        };
        return () => undefined;
      });
      for (const entry of entries) known.add(entry.command.commandId);
    },
  };
}
