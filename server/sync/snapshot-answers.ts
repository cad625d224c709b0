import type { Incident } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import { jsonListInSlices } from '../../shared/json-in-slices';
import type { Checkpoint, SyncStart } from '../../shared/protocol';
import { JsonText } from './events-encoder';

// A console that holds nothing of this hub (or too little) gets a snapshot: the whole board, tens
// of MiB in a big incident. Built and encoded for each hello, a hub restart's herd of consoles
// (50 consoles, 2,000 incidents of 10 alerts: 12 MiB each) held the event loop for 17 s, with no
// ingest and no escalation meanwhile, and consoles past their 15 s hello timeout asked again, so
// the herd went on. Now one snapshot is taken and encoded for every console that asks while it
// is made or shortly after, a slice at a time between the hub's other work; each console then
// gets the events committed since, exactly as a console catching up by delta does.

/** A board taken at one seq: the incidents (never mutated once folded) and the checksum there. */
export interface TakenBoard {
  readonly hubId: string;
  readonly seq: number;
  readonly incidents: ReadonlyArray<Incident>;
  readonly checkpoint: Checkpoint;
}

/** A snapshot answer encoded once; each console's answer adds who it is let in as. */
export interface EncodedSnapshot {
  readonly seq: number;
  readonly takenAt: number;
  /** `{"kind":"snapshot","snapshot":{…},"fingerprint":{…}` — without its closing brace. */
  readonly head: string;
}

/** The JSON of one console's answer: the SyncStart it would have got, with its userId. */
export const answerJson = (snapshot: EncodedSnapshot, userId: string): string =>
  `${snapshot.head},"userId":${JSON.stringify(userId)}}`;

/** The board as a `sync:snapshot` event's payload: the answer without its userId. */
export const boardEvent = (snapshot: EncodedSnapshot): Extract<SyncStart, { kind: 'snapshot' }> =>
  new JsonText(`${snapshot.head}}`) as unknown as Extract<SyncStart, { kind: 'snapshot' }>;

/**
 * The JSON of a snapshot answer, a slice at a time (shared/json-in-slices.ts): the incidents are the
 * objects the fold published at that seq, so what is encoded is the board at `taken.seq`.
 */
export async function encodeSnapshot(
  taken: TakenBoard,
  now: () => number,
  pause?: () => Promise<void>,
): Promise<EncodedSnapshot> {
  const takenAt = now();
  const incidents = await jsonListInSlices(taken.incidents, pause);
  const snapshot = `{"hubId":${JSON.stringify(taken.hubId)},"seq":${taken.seq},"incidents":[${incidents}]}`;
  return {
    seq: taken.seq,
    takenAt,
    head: `{"kind":"snapshot","snapshot":${snapshot},"fingerprint":${JSON.stringify(taken.checkpoint)}`,
  };
}

/** A snapshot serves consoles that ask this soon after it was taken… */
export const REUSE_MS = 2000;
/** …while the hub has committed at most this many events since (each console gets them too). */
export const REUSE_EVENTS = 2000;
/** Boards taken again in a row, at most, before the consoles waiting are told to ask later. */
export const MAX_REBUILDS = 3;

export interface SnapshotAnswersDeps<W> {
  /** The board now. */
  take(): TakenBoard;
  /** The hub's seq now. */
  seq(): number;
  /** The events after `seq` while memory holds them all, else null. */
  recentAfter(seq: number): ReadonlyArray<HubEvent> | null;
  /**
   * Answers `waiters` with `snapshot` and gives them `since` (the events committed after it),
   * then lets them into the live stream, all in this turn of the event loop.
   */
  answer(waiters: ReadonlyArray<W>, snapshot: EncodedSnapshot, since: ReadonlyArray<HubEvent>): void;
  /** The snapshot could not be made: tell each waiter so it asks again. */
  failed(waiters: ReadonlyArray<W>, error: unknown): void;
  /**
   * Who is asking (a console's link): while the board is made, only the latest ask of each is
   * kept, so a console repeating its hello (or flooding it) is answered once, not once a hello.
   */
  askerOf(waiter: W): string;
  /**
   * Which hello of its asker a waiter answers (they count up): an earlier one can be asked for
   * again after a later one (an older console's, when the events since its board ran out).
   */
  helloOf(waiter: W): number;
  /** An ask replaced by a later one of the same asker, before it was answered. */
  superseded(waiter: W): void;
  now(): number;
}

/** Consoles waiting for a snapshot, answered together from one encoding. */
export class SnapshotAnswers<W> {
  /** By asker, in the order they first asked. */
  private waiting = new Map<string, W>();
  private building = false;
  private last: EncodedSnapshot | null = null;
  private release: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Boards taken again in a row because the events since the last ran out of memory. */
  private rebuilds = 0;

  constructor(private readonly deps: SnapshotAnswersDeps<W>) {}

  /** Answers `waiter` with a snapshot: the last one if it is recent, else one being made now. */
  ask(waiter: W): void {
    const asker = this.deps.askerOf(waiter);
    const earlier = this.waiting.get(asker);
    if (earlier !== undefined && this.deps.helloOf(earlier) > this.deps.helloOf(waiter)) {
      this.deps.superseded(waiter);
      return;
    }
    this.waiting.set(asker, waiter);
    if (earlier !== undefined) this.deps.superseded(earlier);
    if (this.building) return;
    const last = this.last;
    if (
      last !== null &&
      this.deps.now() - last.takenAt <= REUSE_MS &&
      this.deps.seq() - last.seq <= REUSE_EVENTS
    ) {
      this.answerWaiting(last);
      return;
    }
    this.build();
  }

  /** Whether a snapshot is being made (for tests). */
  get inProgress(): boolean {
    return this.building;
  }

  stop(): void {
    this.stopped = true;
    if (this.release) clearTimeout(this.release);
    this.last = null;
  }

  private build(): void {
    this.building = true;
    this.last = null;
    // Taken inside the promise, so a board that cannot be taken fails these waiters like one
    // that cannot be encoded, instead of leaving `building` set and every later console waiting.
    Promise.resolve()
      .then(() => encodeSnapshot(this.deps.take(), this.deps.now))
      .then((snapshot) => {
        this.building = false;
        if (this.stopped) return;
        this.last = snapshot;
        // A big board's text is let go of once no console can be given it any more.
        if (this.release) clearTimeout(this.release);
        this.release = setTimeout(() => {
          if (this.last === snapshot) this.last = null;
        }, REUSE_MS);
        (this.release as { unref?: () => void }).unref?.();
        this.answerWaiting(snapshot);
      })
      .catch((error: unknown) => {
        this.building = false;
        const waiters = [...this.waiting.values()];
        this.waiting = new Map();
        this.deps.failed(waiters, error);
      });
  }

  private answerWaiting(snapshot: EncodedSnapshot): void {
    const since = this.deps.recentAfter(snapshot.seq);
    if (since === null) {
      // So much happened meanwhile that memory no longer holds it all: take the board again, a
      // few times; a hub committing faster than it can encode its board tells the consoles so,
      // and they ask again later (shared/ask-again.ts) rather than wait on a race it keeps losing.
      if (this.rebuilds >= MAX_REBUILDS) {
        this.rebuilds = 0;
        const waiters = [...this.waiting.values()];
        this.waiting = new Map();
        this.deps.failed(waiters, new Error('events came faster than the board could be encoded'));
        return;
      }
      this.rebuilds += 1;
      this.build();
      return;
    }
    this.rebuilds = 0;
    const waiters = [...this.waiting.values()];
    this.waiting = new Map();
    this.deps.answer(waiters, snapshot, since);
  }
}
