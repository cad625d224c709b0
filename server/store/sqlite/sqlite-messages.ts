import type { ChangeRow, CommandRow, EventRow } from '../event-log';

// What the hub's main thread and the SQLite writer thread say to each other (sqlite-worker.ts).
// Rows arrive serialised: the main thread has the events as objects already, and a string is
// cheap to pass between threads.

export type WriterRequest =
  | {
      readonly kind: 'commit';
      readonly id: number;
      readonly afterSeq: number;
      readonly events: ReadonlyArray<EventRow>;
      readonly changes: ReadonlyArray<ChangeRow>;
      readonly commands: ReadonlyArray<CommandRow>;
      readonly nextIncidentNumber: number;
      /** When the main thread posted it: performance.timeOrigin + performance.now(). */
      readonly postedAt: number;
    }
  | { readonly kind: 'snapshot'; readonly id: number; readonly seq: number; readonly body: string }
  | { readonly kind: 'close'; readonly id: number }
  /** Answered once the thread has loaded and opened the file: nothing to do but reply. */
  | { readonly kind: 'ready'; readonly id: number };

/**
 * How long a commit's steps took, ms (the hub's commit-stage metrics): `lock` from the main thread
 * posting it to the write lock held (the writer thread's wake-up and BEGIN IMMEDIATE, timed on the
 * clock both threads share), `write` the inserts, `commit` COMMIT and its fsync.
 */
export interface CommitSteps {
  readonly lock: number;
  readonly write: number;
  readonly commit: number;
}

export type WriterReply =
  | { readonly id: number; readonly ok: true; readonly steps?: CommitSteps }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** What the writer thread is started with (workerData). */
export interface WriterStart {
  readonly file: string;
}
