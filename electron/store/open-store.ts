import { existsSync, renameSync } from 'node:fs';

export interface OpenStoreOptions<S> {
  /** Creates the store; electron-store and conf read (and may reject) the file right here. */
  readonly create: () => S;
  /** The file the store lives in, so an unreadable one can be moved aside. */
  readonly path: string;
  readonly log: (message: string) => void;
  readonly now?: () => number;
}

/**
 * Opens a file-backed store; when its file is not valid JSON (a crash mid-write on an old version,
 * a hand edit) the file is moved aside with a log line and the store starts empty, instead of the
 * console refusing to start. The bad file is kept for a post-mortem, not deleted.
 */
export function openStore<S>(options: OpenStoreOptions<S>): S {
  try {
    return options.create();
  } catch (error) {
    if (!existsSync(options.path)) throw error;
    const aside = `${options.path}.corrupt-${(options.now ?? Date.now)()}`;
    renameSync(options.path, aside);
    options.log(
      `${options.path} could not be read (${errorMessage(error)}): moved it to ${aside}, starting afresh`,
    );
    return options.create();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
