import type { HubEvent } from '../../shared/events';
import type { Checkpoint, EventBatch, HelloAnswer, HubStatus } from '../../shared/protocol';
import { SOCKET_EVENTS } from '../../shared/protocol';
import { JsonText } from './events-encoder';
import {
  answerJson,
  boardEvent,
  type EncodedSnapshot,
  SnapshotAnswers,
  type TakenBoard,
} from './snapshot-answers';

// Answering the consoles that need the whole board (snapshot-answers.ts makes it once for all of
// them): how each is given it, the events since, and the live stream, in one turn of the event
// loop per console, so no committed event falls between its board and the stream.

/** What of a console's socket answering it takes. */
export interface WaitingSocket {
  readonly id: string;
  readonly connected: boolean;
  readonly data: { readonly user: { readonly id: string } };
  emit(
    event: typeof SOCKET_EVENTS.status | typeof SOCKET_EVENTS.events,
    payload: HubStatus | EventBatch,
  ): unknown;
}

/** A console waiting for the board, and how to answer its hello. */
export interface BoardWaiter<S extends WaitingSocket = WaitingSocket> {
  readonly socket: S;
  /** The hello's answer; a JsonText is written as the JSON it holds (events-encoder.ts). */
  readonly answer: (start: HelloAnswer | JsonText) => void;
  /** It asked for the board as a `sync:snapshot` event before the answer. */
  readonly apart: boolean;
  /** Which hello of its socket this answers: 1, 2, … */
  readonly hello: number;
  /** Whether this is still its link's latest hello (a later one replaces it). */
  readonly current: () => boolean;
}

export interface BoardAnswersDeps<S extends WaitingSocket> {
  /** Sends one event to every socket of `ids` (socket.io encodes it once for all of them). */
  emitTo(ids: ReadonlyArray<string>, event: string, payload: unknown): void;
  /** Lets a console into the live stream, just sent a board of about `boardBytes`. */
  join(socket: S, boardBytes: number): void;
  take(): TakenBoard;
  seq(): number;
  checkpoint(): Checkpoint;
  status(): HubStatus;
  recentAfter(seq: number): ReadonlyArray<HubEvent> | null;
  /** Bytes the link has not written yet (link-backlog.ts). */
  unsentBytes(socket: S): number;
  /** Closes a link, saying why in the hub's log. */
  cut(socket: S, why: string): void;
  now(): number;
  print(line: string, error: unknown): void;
}

/**
 * A link holding more than this unwritten is not reading what it was sent (a board, most likely):
 * it is cut rather than given another board to hold, so a console that asks and never reads (a
 * broken one, or a hostile token on many links) cannot fill the hub's memory with boards. A
 * console reading its stream holds a few live batches at most.
 */
export const UNREAD_LIMIT_BYTES = 1024 * 1024;

/** The answer to a hello replaced, while it waited for the board, by a later one on its link. */
export const SUPERSEDED = new JsonText(
  JSON.stringify({ kind: 'error', message: 'A later hello on this link replaced this one.' }),
);

const COULD_NOT = new JsonText(
  JSON.stringify({
    kind: 'error',
    message: 'The hub could not send its board (see its log); reconnect to try again.',
  }),
);

export function boardAnswers<S extends WaitingSocket>(
  deps: BoardAnswersDeps<S>,
): SnapshotAnswers<BoardWaiter<S>> {
  /** Events since a snapshot, with the checksum when they reach the hub's seq. */
  const catchUp = (since: ReadonlyArray<HubEvent>): EventBatch =>
    since[since.length - 1]?.seq === deps.seq()
      ? { events: since, fingerprint: deps.checkpoint() }
      : { events: since };

  /** Whether to answer `waiter` now: a link that said hello again since is answered by its latest. */
  const stillAsking = (waiter: BoardWaiter<S>): boolean => {
    if (!waiter.socket.connected) return false;
    if (!waiter.current()) {
      waiter.answer(SUPERSEDED);
      return false;
    }
    if (deps.unsentBytes(waiter.socket) > UNREAD_LIMIT_BYTES) {
      deps.cut(waiter.socket, 'asked for the board again without reading what it was sent');
      return false;
    }
    return true;
  };

  const snapshots: SnapshotAnswers<BoardWaiter<S>> = new SnapshotAnswers<BoardWaiter<S>>({
    take: deps.take,
    seq: deps.seq,
    recentAfter: deps.recentAfter,
    now: deps.now,
    answer(waiters, snapshot, since) {
      // From here to the joins, synchronously: see the top of this file.
      const live = waiters.filter(stillAsking);
      // Consoles that take the board apart get it as one broadcast: one encoding, and one
      // websocket frame that every socket writes (socket.io's adapter makes it once).
      const apart = live.filter((waiter) => waiter.apart);
      if (apart.length > 0) {
        const ids = apart.map((waiter) => waiter.socket.id);
        deps.emitTo(ids, SOCKET_EVENTS.snapshot, boardEvent(snapshot));
        for (const { socket, answer } of apart) {
          answer({ kind: 'snapshot-sent', userId: socket.data.user.id });
          socket.emit(SOCKET_EVENTS.status, deps.status());
        }
        // What was committed since the snapshot was taken, encoded once for all of them.
        if (since.length > 0) deps.emitTo(ids, SOCKET_EVENTS.events, catchUp(since));
        for (const { socket } of apart) deps.join(socket, snapshot.head.length);
      }
      // Older consoles take the board inside the answer, which each socket must then turn into
      // bytes of its own: one a turn, so a herd of them never holds the hub for long.
      answerInside(
        live.filter((waiter) => !waiter.apart),
        snapshot,
      );
    },
    failed(waiters, error) {
      deps.print('hub: a snapshot for consoles could not be made:', error);
      for (const { answer } of waiters) answer(COULD_NOT);
    },
    // A console asks once at a time (its transport gave up on an earlier hello before asking
    // again): a link's earlier hello still waiting for the board is answered by its latest only.
    askerOf: (waiter) => waiter.socket.id,
    helloOf: (waiter) => waiter.hello,
    superseded: ({ answer }) => answer(SUPERSEDED),
  });

  /** Answers consoles that take the board inside the answer, one a turn of the event loop. */
  function answerInside(waiters: ReadonlyArray<BoardWaiter<S>>, snapshot: EncodedSnapshot): void {
    const [next, ...rest] = waiters;
    if (next === undefined) return;
    // Turns later, its link may have said hello again (and been answered already): a board for
    // a hello its console gave up on is megabytes sent for nothing.
    if (stillAsking(next)) {
      const since = deps.recentAfter(snapshot.seq);
      if (since === null) snapshots.ask(next);
      else {
        next.answer(new JsonText(answerJson(snapshot, next.socket.data.user.id)));
        next.socket.emit(SOCKET_EVENTS.status, deps.status());
        if (since.length > 0) next.socket.emit(SOCKET_EVENTS.events, catchUp(since));
        deps.join(next.socket, snapshot.head.length);
      }
    }
    if (rest.length > 0) setImmediate(() => answerInside(rest, snapshot));
  }

  return snapshots;
}
