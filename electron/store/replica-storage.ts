import type { z } from 'zod';
import type { OutboxEntry } from '../../shared/outbox';
import type { CachedBoard, ReplicaStorage } from '../../shared/replica';
import { BOARD_CACHE_FORMAT, persistedBoardSchema } from '../../shared/schemas/cached-board';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../shared/schemas/outbox';
import type { KeyValueStore } from './key-value-store';

const BOARD_KEY = 'board';
const OUTBOX_KEY = 'outbox';

/**
 * The replica's board cache and outbox in a key-value store (electron-store in the app). A cache that fails
 * validation is deleted with a log line: the hub will send a fresh snapshot, so losing it costs
 * a moment of empty board, while showing a wrong one could mislead an operator.
 */
export function createReplicaStorage(store: KeyValueStore, log: (message: string) => void): ReplicaStorage {
  return {
    async load(): Promise<CachedBoard | null> {
      const raw = store.get(BOARD_KEY);
      if (raw === undefined) return null;
      const parsed = persistedBoardSchema.safeParse(raw);
      if (!parsed.success) {
        log(`discarding the cached board: ${describeIssue(parsed.error)}`);
        store.delete(BOARD_KEY);
        return null;
      }
      return parsed.data.board;
    },
    async save(board: CachedBoard): Promise<void> {
      store.set(BOARD_KEY, { format: BOARD_CACHE_FORMAT, board });
    },
    // electron-store writes the whole file atomically on every set, so an action is on disk
    // before the outbox sends it.
    async loadOutbox(): Promise<ReadonlyArray<OutboxEntry>> {
      const { entries, dropped } = parseStoredOutbox(store.get(OUTBOX_KEY));
      if (dropped > 0) log(`dropped ${dropped} unreadable outbox entr${dropped === 1 ? 'y' : 'ies'}`);
      return entries;
    },
    async saveOutbox(entries: ReadonlyArray<OutboxEntry>): Promise<void> {
      store.set(OUTBOX_KEY, { format: OUTBOX_FORMAT, entries });
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
