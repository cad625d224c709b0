import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { jsonListInSlices } from '../../shared/json-in-slices';
import type { CachedBoard } from '../../shared/replica';

// The desktop's board cache, in a file of its own, written without holding the main process:
// main forwards every patch to the pages, so a save that stops it for a second stops the screen.
// The board is turned into JSON an incident at a time, giving the event loop a turn every few
// milliseconds, and the file is replaced in one rename. (In electron-store, beside the outbox,
// every queued action rewrote — and re-read — the whole board: seconds on a board of 10,000.)

/** What is stored: the cache format, so an older layout is recognised and dropped. */
export interface StoredBoard {
  readonly format: number;
  readonly board: CachedBoard;
}

export interface BoardFile {
  /** The stored value, or undefined when there is none (or it is not JSON). */
  read(): Promise<unknown>;
  write(value: StoredBoard): Promise<void>;
  remove(): Promise<void>;
}

export interface BoardFileOptions {
  /** How long one slice of serialising may hold the event loop. */
  readonly sliceMs?: number;
  readonly log?: (message: string) => void;
}

export function boardFileAt(filePath: string, options: BoardFileOptions = {}): BoardFile {
  const sliceMs = options.sliceMs ?? 4;
  // Writes are chained, so an older board can never land after a newer one.
  let writing: Promise<void> = Promise.resolve();
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch {
        return undefined;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        options.log?.(`${filePath} is not JSON (${String(error)}): starting without a cached board`);
        return undefined;
      }
    },
    write(value) {
      const next = writing.then(async () => {
        const json = await serialiseInSlices(value, sliceMs);
        const temporary = `${filePath}.${randomUUID()}.tmp`;
        await writeFile(temporary, json, 'utf8');
        await rename(temporary, filePath);
      });
      writing = next.catch(() => undefined);
      return next;
    },
    async remove() {
      await writing;
      await rm(filePath, { force: true });
    },
  };
}

/** JSON.stringify of the stored board, an incident at a time, yielding every `sliceMs`. */
export async function serialiseInSlices(value: StoredBoard, sliceMs: number): Promise<string> {
  const { incidents, ...board } = value.board;
  const parts = await jsonListInSlices(incidents, undefined, sliceMs);
  const head = JSON.stringify({ format: value.format, board: { ...board, incidents: [] } });
  // `…"incidents":[]}}` with the incidents spliced in before the closing bracket.
  return `${head.slice(0, -3)}${parts}]}}`;
}
