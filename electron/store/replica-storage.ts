import type { z } from 'zod';
import type { StoredOutbox } from '../../shared/outbox';
import type { CachedBoard, ReplicaStorage } from '../../shared/replica';
import { BOARD_CACHE_FORMAT, persistedBoardSchema } from '../../shared/schemas/cached-board';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../shared/schemas/outbox';
import type { BoardFile } from './board-file';
import type { KeyValueStore } from './key-value-store';

/** Where the board lived before it had a file of its own; read once, then removed. */
const LEGACY_BOARD_KEY = 'board';
const OUTBOX_KEY = 'outbox';

export interface ReplicaStores {
  /** The outbox (electron-store's board-cache.json in the app): small, written at once. */
  readonly store: KeyValueStore;
  /** The board cache, written in slices so a save never holds the main process. */
  readonly board: BoardFile;
}

/**
 * The replica's board cache and outbox. A cache that fails validation is deleted with a log
 * line: the hub will send a fresh snapshot, so losing it costs a moment of empty board, while
 * showing a wrong one could mislead an operator.
 */
export function createReplicaStorage(stores: ReplicaStores, log: (message: string) => void): ReplicaStorage {
  const { store, board: boardFile } = stores;
  return {
    async load(): Promise<CachedBoard | null> {
      let raw = await boardFile.read();
      if (raw === undefined) {
        // A board kept by an older version beside the outbox: use it once, and let it go there.
        raw = store.get(LEGACY_BOARD_KEY);
        if (raw !== undefined) store.delete(LEGACY_BOARD_KEY);
      }
      if (raw === undefined) return null;
      const parsed = persistedBoardSchema.safeParse(raw);
      if (!parsed.success) {
        log(`discarding the cached board: ${describeIssue(parsed.error)}`);
        await boardFile.remove();
        return null;
      }
      return parsed.data.board;
    },
    save(board: CachedBoard): Promise<void> {
      return boardFile.write({ format: BOARD_CACHE_FORMAT, board });
    },
    // electron-store writes the whole file atomically on every set, so an action is on disk
    // before the outbox sends it, and a refusal before the console shows it.
    async loadOutbox(): Promise<StoredOutbox> {
      const { dropped, ...outbox } = parseStoredOutbox(store.get(OUTBOX_KEY));
      if (dropped > 0) log(`dropped ${dropped} unreadable outbox entr${dropped === 1 ? 'y' : 'ies'}`);
      return outbox;
    },
    async saveOutbox(outbox: StoredOutbox): Promise<void> {
      store.set(OUTBOX_KEY, {
        format: OUTBOX_FORMAT,
        entries: outbox.entries,
        rejected: outbox.rejected ?? [],
        rejectedDropped: outbox.rejectedDropped ?? 0,
      });
    },
  };
}

/** The first problem only: a cache of thousands of incidents can fail in thousands of places. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}: ${issue.message}${more}`;
}
