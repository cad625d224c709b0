import path from 'node:path';
import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../store/key-value-store';
import { openStore } from '../store/open-store';

/** The console's two files in userData; the cache is separate so losing it never touches settings. */
export interface ConsoleStores {
  readonly settings: KeyValueStore;
  readonly boardCache: KeyValueStore;
}

/** Opens settings.json and board-cache.json, moving an unreadable one aside instead of failing. */
export function openConsoleStores(userData: string, log: (message: string) => void): ConsoleStores {
  const open = (name: string): KeyValueStore =>
    openStore({
      create: () =>
        new ElectronStore<Record<string, unknown>>({ name, cwd: userData, clearInvalidConfig: false }),
      path: path.join(userData, `${name}.json`),
      log,
    });
  return { settings: open('settings'), boardCache: open('board-cache') };
}
