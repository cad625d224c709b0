import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { boardChecksum } from '../../shared/checksum';
import type { Incident } from '../../shared/domain';
import type { HubEvent } from '../../shared/events';
import {
  type BoardSnapshot,
  type Checkpoint,
  type ClientToServerEvents,
  type EventBatch,
  type HelloAnswer,
  type HubStatus,
  helloSchema,
  MAX_DELTA_EVENTS,
  type ServerToClientEvents,
  SOCKET_EVENTS,
  type SyncStart,
} from '../../shared/protocol';
import { RESOLVED_RETENTION_MS } from '../../shared/retention';
import type { User } from '../../shared/roles';
import type { Directory } from '../auth/directory';
import type { CommandService } from '../commands/command-service';
import type { HubGuard } from '../security/hub-guard';
import { type RateLimit, RateLimiter } from '../security/rate-limit';
import { sessionEnds } from '../security/session-check';
import type { HubState } from '../state';
import { dropEventJson } from '../store/event-json';
import { type EventLog, StoreUnavailableError } from '../store/event-log';
import type { LogFolder } from '../store/log-folder';
import type { StoreHealth, StoreStatus } from '../store/store-health';
import { boardAnswers } from './board-answers';
import { Broadcaster } from './broadcaster';
import { encodeAsText, type JsonText } from './events-encoder';
import { dropLink, LIVE_BACKLOG_LIMIT_BYTES, unsentBytes } from './link-backlog';

// The consoles' live stream. A console says hello with what it holds; it gets the events it
// missed (or a snapshot) and then joins the live room. The missed events come from memory when
// they are recent, else from the log, topped up from memory; that last step, the answer and the
// join happen synchronously in one turn of the event loop, so no committed event can fall between
// the catch-up and the stream; duplicates are possible and harmless (the replica skips seqs it has).
// Consoles are also told whether the hub can store anything (sync:status): while its database is
// unavailable they keep their picture and their queued actions and say the hub is degraded.

const LIVE_ROOM = 'live';

export interface SyncServer {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  publish(events: ReadonlyArray<HubEvent>): void;
  /** Consoles connected now. */
  consoles(): number;
  /** Re-checks every live socket against the current directory (after a config change). */
  recheckSessions(): void;
  close(): Promise<void>;
}

export interface SyncDependencies {
  readonly log: Pick<EventLog, 'eventsAfter'>;
  readonly folder: Pick<LogFolder, 'recentAfter'>;
  readonly health: Pick<StoreHealth, 'status' | 'onChange'>;
  readonly state: HubState;
  readonly hubId: string;
  readonly directory: () => Directory;
  readonly commands: CommandService;
  readonly now?: () => number;
  /** Rate limits on failed handshakes and on commands; none in tests that build a bare server. */
  readonly guard?: HubGuard;
  /** Told how long each broadcast's oldest event waited, in seconds (metrics). */
  readonly broadcastSent?: (seconds: number) => void;
  /** Where the hub's own messages go (sessions cut, floods). */
  readonly print?: (line: string) => void;
  /** Other hubs write the same log (PostgreSQL): broadcasts wait for the end of the turn (broadcaster.ts). */
  readonly sharedLog?: boolean;
}

/** A console's link. */
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What a socket was let in as (see session-check.ts). */
interface SocketData {
  token: string | null;
  user: User;
  /** The size of the last board it was sent: a console reading it is not behind its stream. */
  boardBytes?: number;
}

/** Hellos one link may say: 8 at once, then 8 in 10 s; the next one cuts it. */
export const HELLO_LIMIT: RateLimit = { burst: 8, perSecond: 0.8 };

/** The message a console gets when the hub does not accept its token. */
export const UNAUTHORIZED = 'unauthorized';
/** The message a console gets when its address failed to sign in too often. */
export const RATE_LIMITED = 'rate_limited';

export function startSyncServer(httpServer: HttpServer, deps: SyncDependencies): SyncServer {
  const { log, folder, state, hubId } = deps;
  const now = deps.now ?? Date.now;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(
    httpServer,
    {
      serveClient: false,
      // No CORS: browsers reach the stream only from the hub's own page (the front door checks
      // Origin and Host); the desktop app connects from its main process, which sends no Origin.
      maxHttpBufferSize: 1e6,
    },
  );
  encodeAsText(io, SOCKET_EVENTS.events);
  // Every committed event passes through the broadcaster, so when it flushes, its last event is
  // the hub's current seq and the checksum of the current state describes exactly that seq.
  let lastCheckpointAt = 0;
  const broadcaster = new Broadcaster(
    (events, waitedMs) => {
      // No console in the live stream (a hub that only takes in alerts): nothing to encode, and
      // no checkpoint to sum; a console that joins later gets its own in its answer to hello.
      if (!io.sockets.adapter.rooms.get(LIVE_ROOM)?.size) {
        for (const event of events) dropEventJson(event);
        deps.broadcastSent?.(waitedMs / 1000);
        return;
      }
      const at = now();
      const due =
        at - lastCheckpointAt >= CHECKPOINT_EVERY_MS && events[events.length - 1]?.seq === state.seq;
      if (due) lastCheckpointAt = at;
      io.to(LIVE_ROOM).emit(
        SOCKET_EVENTS.events,
        due ? { events, fingerprint: checkpointOf(state) } : { events },
      );
      deps.broadcastSent?.(waitedMs / 1000);
    },
    { sharedLog: deps.sharedLog },
  );

  // Tokens are checked at the handshake and again on every command: a user removed from
  // users.yaml (or whose role changed) is refused from the next action on.
  const userOf = (token: string | null): User | null => deps.directory().userByToken(token);
  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token =
      auth && typeof auth === 'object' && 'token' in auth && typeof auth.token === 'string'
        ? auth.token
        : null;
    const user = userOf(token);
    if (!user) {
      const locked = deps.guard?.handshakeAuthFailed(socket.handshake);
      next(new Error(locked && !locked.ok ? RATE_LIMITED : UNAUTHORIZED));
      return;
    }
    socket.data.token = token;
    socket.data.user = user;
    next();
  });

  io.on('connection', (socket) => {
    socket.on(SOCKET_EVENTS.command, (command, answer) => {
      if (typeof answer !== 'function') return;
      const user = userOf(socket.data.token);
      if (!user) {
        answer({
          ok: false,
          error: { code: 'forbidden', message: 'Your token is no longer accepted; sign in again.' },
        });
        socket.disconnect(true);
        return;
      }
      if (deps.guard && !deps.guard.takeCommand(user.id).ok) {
        // A flood from one console: no answer, and the link is cut. The outbox re-sends what was
        // not answered once it is back (the hub de-duplicates), so a person loses nothing.
        (deps.print ?? console.error)(`hub: ${user.id} sent commands faster than allowed; link cut`);
        socket.conn.close();
        return;
      }
      deps.commands.execute(command, user).then(answer, (error: unknown) => {
        if (error instanceof StoreUnavailableError) {
          // The console keeps it queued and sends it again: nothing was recorded.
          answer({ ok: false, error: { code: 'unavailable', message: UNAVAILABLE } });
          return;
        }
        console.error('hub: command failed:', error);
        answer({
          ok: false,
          error: { code: 'invalid', message: 'The hub could not record this command; try again.' },
        });
      });
    });
    let hellos = 0;
    // A console says hello when it connects and again after a gap or a timeout: a few a minute.
    // A link saying it faster is broken or hostile, and each hello may cost a board's frame.
    const helloPace = new RateLimiter(HELLO_LIMIT, now);
    socket.on(SOCKET_EVENTS.hello, (hello, answer) => {
      if (typeof answer !== 'function') return;
      if (!helloPace.take('hello').ok) {
        (deps.print ?? console.error)(`hub: ${socket.data.user.id} said hello faster than allowed; link cut`);
        socket.conn.close();
        return;
      }
      const helloNumber = ++hellos;
      const parsed = helloSchema.safeParse(hello);
      if (!parsed.success) {
        answer({ kind: 'error', message: `invalid hello: ${parsed.error.issues[0]?.message ?? 'unknown'}` });
        return;
      }
      void startFor(parsed.data.hubId, parsed.data.lastSeq).then((start) => {
        // From here to the join, synchronously: see the top of this file.
        const started = start();
        if (started === null) {
          // The whole board: shared with the other consoles asking for it (snapshot-answers.ts).
          snapshots.ask({
            socket,
            // socket.io hands the answer to the encoder, which writes a JsonText as its JSON.
            answer: answer as (start: HelloAnswer | JsonText) => void,
            apart: parsed.data.snapshotApart === true,
            hello: helloNumber,
            current: () => hellos === helloNumber,
          });
          return;
        }
        // Who the console acts as: its outbox sends an action queued offline only as its maker.
        answer(started.kind === 'error' ? started : { ...started, userId: socket.data.user.id });
        socket.emit(SOCKET_EVENTS.status, statusOf(deps.health.status));
        void socket.join(LIVE_ROOM);
      });
    });
  });
  deps.health.onChange((status) => io.emit(SOCKET_EVENTS.status, statusOf(status)));

  // socket.io writes to a socket whether or not its console reads: once a second, a console far
  // behind its stream is dropped rather than held (link-backlog.ts).
  const backlogSweep = setInterval(() => {
    for (const id of io.sockets.adapter.rooms.get(LIVE_ROOM) ?? []) {
      const socket = io.sockets.sockets.get(id);
      // A console still reading the board it was sent (tens of MiB on a slow link) is not behind.
      const allowed = LIVE_BACKLOG_LIMIT_BYTES + (socket?.data.boardBytes ?? 0);
      if (socket === undefined || unsentBytes(socket.conn) <= allowed) continue;
      (deps.print ?? console.error)(
        `hub: ${socket.data.user.id} fell too far behind the live stream; link cut`,
      );
      dropLink(socket.conn);
    }
  }, 1000);
  backlogSweep.unref();

  // Consoles that need the whole board share one encoding of it (board-answers.ts).
  const snapshots = boardAnswers<HubSocket>({
    emitTo: (ids, event, payload) =>
      void io.to([...ids]).emit(event as typeof SOCKET_EVENTS.events, payload as EventBatch),
    join(socket, boardBytes) {
      socket.data.boardBytes = boardBytes;
      void socket.join(LIVE_ROOM);
    },
    take: () => ({ ...snapshotOf(state, hubId, now()), checkpoint: checkpointOf(state) }),
    seq: () => state.seq,
    checkpoint: () => checkpointOf(state),
    status: () => statusOf(deps.health.status),
    recentAfter: (seq) => folder.recentAfter(seq),
    unsentBytes: (socket) => unsentBytes(socket.conn),
    cut(socket, why) {
      (deps.print ?? console.error)(`hub: ${socket.data.user.id} ${why}; link cut`);
      dropLink(socket.conn);
    },
    now,
    print: (line, error) => console.error(line, error),
  });

  /**
   * Reads what it must from the log, then gives a function that finishes the answer at once, or
   * says (null) that the console needs a snapshot.
   */
  async function startFor(clientHubId: string | null, lastSeq: number): Promise<() => SyncStart | null> {
    const snapshot = (): null => null;
    const behind = state.seq - lastSeq;
    if (clientHubId !== hubId || lastSeq === 0 || behind < 0 || behind > MAX_DELTA_EVENTS) return snapshot;
    let read: ReadonlyArray<HubEvent> = [];
    if (folder.recentAfter(lastSeq) === null) {
      try {
        // Only what this hub has folded: the console must not get ahead of the hub's checksum.
        read = (await log.eventsAfter(lastSeq, behind)).filter((event) => event.seq <= state.seq);
      } catch {
        return snapshot; // the log is unavailable: the hub's memory is still a true picture
      }
    }
    return () => {
      const rest = folder.recentAfter(read[read.length - 1]?.seq ?? lastSeq);
      if (rest === null) return null;
      return { kind: 'delta', hubId, events: [...read, ...rest], fingerprint: checkpointOf(state) };
    };
  }

  return {
    io,
    publish: (events) => broadcaster.publish(events),
    consoles: () => io.engine.clientsCount,
    recheckSessions() {
      for (const socket of io.sockets.sockets.values()) {
        const reason = sessionEnds(socket.data, userOf(socket.data.token));
        if (reason === null) continue;
        (deps.print ?? console.log)(`hub: closed the live stream of ${socket.data.user.id}: ${reason}`);
        // Closing the connection (not the socket.io session) makes the console reconnect, so it
        // is refused or let in again as what the configuration now says.
        socket.conn.close();
      }
    },
    close: () =>
      new Promise((resolve) => {
        clearInterval(backlogSweep);
        snapshots.stop();
        broadcaster.flush();
        void io.close(() => resolve());
      }),
  };
}

const UNAVAILABLE =
  'The hub cannot store anything right now (its database is unavailable); this action stays queued.';

function statusOf(status: StoreStatus): HubStatus {
  return status.ok ? { store: 'ok' } : { store: 'unavailable', since: status.since, reason: status.reason };
}

/** How often the live stream carries a checksum: often enough to catch drift, rarely enough to cost nothing. */
const CHECKPOINT_EVERY_MS = 1000;

function checkpointOf(state: HubState): Checkpoint {
  return { seq: state.seq, checksum: boardChecksum(state.incidents()) };
}

/** Open incidents and those resolved within the retention window: what a board needs. */
export function snapshotOf(state: HubState, hubId: string, now: number): BoardSnapshot {
  const incidents: Incident[] = [];
  for (const incident of state.incidents()) {
    if (incident.resolvedAt === null || now - incident.resolvedAt <= RESOLVED_RETENTION_MS)
      incidents.push(incident);
  }
  return { hubId, seq: state.seq, incidents };
}
