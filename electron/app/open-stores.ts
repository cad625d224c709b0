import path from 'node:path';
import ElectronStore from 'electron-store';
import { type BoardFile, boardFileAt } from '../store/board-file';
import type { KeyValueStore } from '../store/key-value-store';
import { openStore } from '../store/open-store';

/** The console's files in userData; the caches are separate so losing them never touches settings. */
export interface ConsoleStores {
  readonly settings: KeyValueStore;
  /** The outbox (the file's name is older than that). */
  readonly boardCache: KeyValueStore;
  /** The last board, for a start without the hub. */
  readonly board: BoardFile;
}

/** Opens settings.json, board-cache.json and board.json, moving an unreadable one aside instead of failing. */
export function openConsoleStores(userData: string, log: (message: string) => void): ConsoleStores {
  const open = (name: string): KeyValueStore =>
    openStore({
      create: () =>
        new ElectronStore<Record<string, unknown>>({ name, cwd: userData, clearInvalidConfig: false }),
      path: path.join(userData, `${name}.json`),
      log,
    });
  return {
    settings: open('settings'),
    boardCache: open('board-cache'),
    board: boardFileAt(path.join(userData, 'board.json'), { log }),
  };
}
