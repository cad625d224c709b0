import type { Incident } from './domain';
import type { OutboxStore } from './outbox';

// When and what a replica writes of its board. Writes are batched (a storm costs one write every
// few seconds), and a storage that can take changes gets only the incidents touched and removed
// since its last write: turning a board of 10,000 incidents into a stored value holds the thread
// that does it (the console's worker, the desktop's main process) for a long moment, every time.

/** What a console keeps on disk so it can show the last picture at once. */
export interface CachedBoard {
  readonly hubId: string;
  readonly seq: number;
  readonly savedAt: number;
  readonly incidents: ReadonlyArray<Incident>;
}

/** The board's changes since the last write; `whole`: replace everything stored with `incidents`. */
export interface BoardChanges extends CachedBoard {
  readonly whole: boolean;
  readonly removed: ReadonlyArray<string>;
}

/** Where a console keeps its last picture and, when it can, its outbox of unsent actions. */
export interface ReplicaStorage extends Partial<OutboxStore> {
  load(): Promise<CachedBoard | null>;
  save(board: CachedBoard): Promise<void>;
  /** Writes only what changed; without it, every write is a whole board (`save`). */
  saveChanges?(changes: BoardChanges): Promise<void>;
  /** The stored changes have piled up: the next write should be whole (it compacts them). */
  wantsWhole?(): boolean;
}

export interface BoardSaverOptions {
  readonly storage: ReplicaStorage | undefined;
  readonly delayMs: number;
  /** The board as it stands, or null when there is nothing to keep yet (no hub known). */
  readonly board: () => {
    readonly hubId: string | null;
    readonly seq: number;
    readonly savedAt: number;
    readonly incidents: Readonly<Record<string, Incident>>;
  };
  /** Runs just before a write (the replica lets go of what it no longer keeps). */
  readonly beforeWrite: () => void;
  readonly log?: (message: string) => void;
}

export class BoardSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly touched = new Set<string>();
  private readonly removed = new Set<string>();
  /** Until a whole board is stored (a snapshot, another hub, a failed write), write it whole. */
  private whole = true;

  constructor(private readonly options: BoardSaverOptions) {}

  /** The stored board is this one (just loaded from storage): only changes need writing. */
  stored(): void {
    this.whole = false;
    this.touched.clear();
    this.removed.clear();
  }

  /** The whole board was replaced (a snapshot). */
  replaced(): void {
    this.whole = true;
    this.touched.clear();
    this.removed.clear();
  }

  changed(ids: Iterable<string>): void {
    for (const id of ids) {
      this.touched.add(id);
      this.removed.delete(id);
    }
  }

  letGo(ids: Iterable<string>): void {
    for (const id of ids) {
      this.removed.add(id);
      this.touched.delete(id);
    }
  }

  get waiting(): boolean {
    return this.timer !== null;
  }

  /** Writes within the delay; going offline, closing and stopping write at once (flush). */
  schedule(): void {
    if (!this.options.storage || this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.options.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const storage = this.options.storage;
    if (!storage || this.options.board().hubId === null) return;
    this.options.beforeWrite();
    const { hubId, seq, savedAt, incidents } = this.options.board();
    if (hubId === null) return;
    const failed = (error: unknown): void => {
      // What was lost is unknown: the next write is a whole one.
      this.whole = true;
      this.options.log?.(`could not save the cache: ${String(error)}`);
    };
    if (!storage.saveChanges) {
      storage.save({ hubId, seq, savedAt, incidents: Object.values(incidents) }).catch(failed);
      return;
    }
    const changes: BoardChanges =
      this.whole || storage.wantsWhole?.() === true
        ? { hubId, seq, savedAt, whole: true, removed: [], incidents: Object.values(incidents) }
        : {
            hubId,
            seq,
            savedAt,
            whole: false,
            removed: [...this.removed],
            incidents: [...this.touched].flatMap((id) => incidents[id] ?? []),
          };
    this.stored();
    storage.saveChanges(changes).catch(failed);
  }
}
