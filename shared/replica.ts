import type { Unsubscribe } from './api';
import { AskAgain } from './ask-again';
import { BoardSaver, type CachedBoard, type ReplicaStorage } from './board-saver';
import { boardChecksum } from './checksum';
import type { Command, CommandAnswer } from './commands';
import type { ConnectionState, ConnectionStatus } from './connection';
import type { Incident, IncidentMap } from './domain';
import type { HubEvent } from './events';
import { Outbox, type OutboxState, type OutboxStore } from './outbox';
import type { Checkpoint, Hello, HubStatus, SyncStart } from './protocol';
import { applyEventsTo } from './reducer';
import type { ReplicaChange, ReplicaTransport } from './replica-link';
import { pruneResolved, RESOLVED_RETENTION_MS } from './retention';

// The sync engine every console runs (Electron main process or browser page). It holds the
// confirmed picture of the hub, catches up by delta from its last seq (or takes a snapshot),
// detects gaps in the live stream and re-syncs. Transport and storage are passed in, so the
// same code runs over socket.io in both hosts and is tested against a real hub in Node. It is
// the only fold on a console: it runs off the page's thread (Electron's main process, a browser
// worker), and pages get patches from shared/feed/, never events to fold again.

export type { BoardChanges, CachedBoard, ReplicaStorage } from './board-saver';

export interface ReplicaOptions {
  readonly clientId: string;
  readonly transport: ReplicaTransport;
  readonly storage?: ReplicaStorage;
  readonly now?: () => number;
  /** How long after a change the cache is written; writes are batched so a storm costs one write. */
  readonly saveDelayMs?: number;
  readonly log?: (message: string) => void;
  /**
   * Incidents to keep however long ago they resolved (the ones a page has open); incidents with
   * an action queued are always kept. Retention lives here and nowhere else on a console.
   */
  readonly retain?: () => Iterable<string>;
  /** How often resolved incidents past the retention window are let go of. */
  readonly pruneEveryMs?: number;
  /** How long after the hub refused to sync it asks again (doubling to a minute; 2 s). */
  readonly refusedRetryMs?: number;
}

/** How often a replica lets go of incidents resolved more than a day ago. */
export const PRUNE_EVERY_MS = 60_000;

export class Replica {
  private hubId: string | null = null;
  private seq = 0;
  /** Who the hub let this console in as at the last sync; null once the token changes. */
  private signedInAs: string | null = null;
  private incidents: Record<string, Incident> = {};
  private connection: ConnectionState;
  private synced = false;
  private pendingLive: HubEvent[] = [];
  /** Whether the link is up (a refused hello is asked again only while it is). */
  private linkUp = false;
  private readonly askAgain: AskAgain;
  private readonly listeners = new Set<(change: ReplicaChange) => void>();
  private readonly saver: BoardSaver;
  private pruneTimer: ReturnType<typeof setInterval> | null = null;
  private helloInFlight = false;
  private stopped = false;
  private readonly now: () => number;
  private readonly outbox: Outbox;
  private lastVerification: { readonly seq: number; readonly match: boolean } | null = null;

  constructor(private readonly options: ReplicaOptions) {
    this.now = options.now ?? Date.now;
    this.askAgain = new AskAgain(options.refusedRetryMs);
    this.connection = { status: 'connecting', since: this.now(), lastUpdateAt: null, cached: false };
    const storage = options.storage;
    const outboxStore: OutboxStore | undefined =
      storage?.loadOutbox && storage.saveOutbox
        ? {
            loadOutbox: () => storage.loadOutbox?.() ?? Promise.resolve({ entries: [] }),
            saveOutbox: (outbox) => storage.saveOutbox?.(outbox) ?? Promise.resolve(),
          }
        : undefined;
    this.saver = new BoardSaver({
      storage,
      delayMs: options.saveDelayMs ?? 5000,
      board: () => ({
        hubId: this.hubId,
        seq: this.seq,
        savedAt: this.connection.lastUpdateAt ?? this.now(),
        incidents: this.incidents,
      }),
      beforeWrite: () => this.prune(),
      ...(options.log ? { log: options.log } : {}),
    });
    this.outbox = new Outbox({
      send: (command) => this.options.transport.command(command),
      ...(outboxStore ? { store: outboxStore } : {}),
      onChange: (state) => this.emit({ kind: 'outbox', outbox: state }),
      now: this.now,
      ...(options.log ? { log: options.log } : {}),
    });
  }

  /** Shows the cached picture and the unsent actions (if any), then connects. */
  async start(): Promise<void> {
    await this.outbox.load();
    const cached = await this.loadCache();
    if (cached && !this.synced) {
      this.hubId = cached.hubId;
      this.seq = cached.seq;
      this.incidents = Object.fromEntries(cached.incidents.map((incident) => [incident.id, incident]));
      this.connection = { ...this.connection, lastUpdateAt: cached.savedAt, cached: true };
      this.saver.stored();
      this.emit({ kind: 'reset' });
      this.emitConnection();
    }
    if (this.stopped) return;
    this.pruneTimer = setInterval(() => this.prune(), this.options.pruneEveryMs ?? PRUNE_EVERY_MS);
    // Node: the interval must not keep a process alive by itself.
    (this.pruneTimer as { unref?: () => void }).unref?.();
    this.options.transport.start({
      onUp: () => {
        this.linkUp = true;
        this.resync();
      },
      onDown: (reason) => this.linkDown(reason),
      onEvents: (batch) => {
        this.receive(batch.events);
        if (this.synced) this.verify(batch.fingerprint);
      },
      onStatus: (status) => this.hubStatus(status),
    });
  }

  stop(): void {
    this.stopped = true;
    this.askAgain.cancel();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.outbox.stop();
    this.options.transport.stop();
    this.saver.flush();
  }

  /** Listens to changes from now on; the current picture is read through the getters. */
  subscribe(listener: (change: ReplicaChange) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One confirmed incident, or undefined. */
  incident(id: string): Incident | undefined {
    // A page names the id (a link's ?incident=constructor): only the board's own entries count,
    // never what every object inherits (a function cannot even be sent to the page).
    return Object.hasOwn(this.incidents, id) ? this.incidents[id] : undefined;
  }

  get outboxState(): OutboxState {
    return this.outbox.state();
  }

  /** The confirmed state, for tests and for hosts that need it directly. */
  get state(): { readonly hubId: string | null; readonly seq: number; readonly incidents: IncidentMap } {
    return { hubId: this.hubId, seq: this.seq, incidents: this.incidents };
  }

  get connectionState(): ConnectionState {
    return this.connection;
  }

  private async loadCache(): Promise<CachedBoard | null> {
    try {
      return (await this.options.storage?.load()) ?? null;
    } catch (error) {
      this.options.log?.(`discarding unreadable cache: ${String(error)}`);
      return null;
    }
  }

  private resync(): void {
    if (this.helloInFlight || this.stopped) return;
    this.helloInFlight = true;
    this.synced = false;
    this.setStatus('connecting');
    const hello: Hello = { clientId: this.options.clientId, hubId: this.hubId, lastSeq: this.seq };
    this.options.transport.hello(hello).then(
      (start) => {
        this.helloInFlight = false;
        this.begin(start);
      },
      (error: unknown) => {
        // Either the link dropped (onUp will ask again) or the hub was too slow: ask again soon.
        this.helloInFlight = false;
        this.options.log?.(`hello failed: ${String(error)}`);
        if (this.connection.status === 'connecting') setTimeout(() => this.resync(), 1000);
      },
    );
  }

  /** The last checksum comparison with the hub: the console's proof that it converged. */
  get verification(): { readonly seq: number; readonly match: boolean } | null {
    return this.lastVerification;
  }

  /** Compares our open incidents with the hub's checksum when we hold exactly its seq. */
  private verify(checkpoint: Checkpoint | undefined): void {
    if (!checkpoint || checkpoint.seq !== this.seq) return;
    const match = boardChecksum(Object.values(this.incidents)) === checkpoint.checksum;
    this.lastVerification = { seq: checkpoint.seq, match };
    if (match) return;
    // Should never happen; if it does, the hub's picture wins: start over from a snapshot.
    this.options.log?.(`board differs from the hub's at seq ${checkpoint.seq}: taking a fresh snapshot`);
    this.hubId = null;
    this.seq = 0;
    this.helloInFlight = false;
    this.resync();
  }

  private begin(start: SyncStart): void {
    if (start.kind === 'error') {
      this.refused(start.message);
      return;
    }
    this.askAgain.answered();
    if (start.kind === 'snapshot') {
      this.hubId = start.snapshot.hubId;
      this.seq = start.snapshot.seq;
      this.incidents = Object.fromEntries(
        start.snapshot.incidents.map((incident) => [incident.id, incident]),
      );
      this.saver.replaced();
      this.emit({ kind: 'reset' });
    } else {
      this.hubId = start.hubId;
      if (!this.applyContiguous(start.events)) return;
    }
    this.verify(start.fingerprint);
    if (this.seq === 0 && this.hubId === null) return; // verification failed: a snapshot is coming
    // Before anything is sent: actions made on another hub's board must not reach this one, and a
    // snapshot confirms actions whose events it holds, as a live batch would.
    this.signedInAs = start.userId ?? null;
    this.outbox.syncedWith(
      start.kind === 'snapshot' ? start.snapshot.hubId : start.hubId,
      this.seq,
      this.signedInAs,
    );
    this.synced = true;
    this.connection = { ...this.connection, lastUpdateAt: this.now(), cached: false, reason: null };
    this.setStatus('live');
    this.outbox.setOnline(true);
    const buffered = this.pendingLive;
    this.pendingLive = [];
    this.receive(buffered);
    this.saver.schedule();
  }

  private receive(events: ReadonlyArray<HubEvent>): void {
    if (events.length === 0) return;
    if (!this.synced) {
      // A loop, not push(...events): a storm's batch can exceed the engine's argument limit.
      for (const event of events) this.pendingLive.push(event);
      return;
    }
    if (this.applyContiguous(events)) {
      this.connection = { ...this.connection, lastUpdateAt: this.now() };
      this.saver.schedule();
    }
  }

  /** Applies events that follow on from our seq; on a gap, asks the hub again. */
  private applyContiguous(events: ReadonlyArray<HubEvent>): boolean {
    // Skips every event at or below the seq reached so far, not only below ours: the events held
    // before a start can hold one twice (the catch-up after a shared board, then the stream).
    const fresh: HubEvent[] = [];
    for (const event of events) {
      const reached = this.seq + fresh.length;
      if (event.seq <= reached) continue;
      if (event.seq !== reached + 1) {
        this.options.log?.(`gap in the event stream after seq ${reached}: re-syncing`);
        this.helloInFlight = false;
        this.resync();
        return false;
      }
      fresh.push(event);
    }
    if (fresh.length === 0) return true;
    // In place: copying a board of 10,000 incidents for every websocket message cost a third of
    // the page's time under load. Listeners are told which incidents the events touched.
    const incidents = this.incidents;
    applyEventsTo(
      {
        get: (id) => incidents[id],
        set: (id, incident) => {
          incidents[id] = incident;
        },
      },
      fresh,
    );
    this.seq = fresh[fresh.length - 1]?.seq ?? this.seq;
    const ids = new Set<string>();
    // Changes belong to no incident (incidentId ''): they touch none.
    for (const event of fresh) if (event.type !== 'change_recorded') ids.add(event.incidentId);
    this.saver.changed(ids);
    this.emit({ kind: 'incidents', ids, events: fresh });
    this.outbox.confirmedUpTo(this.seq);
    return true;
  }

  /** The hub says whether it can store anything: the header shows it, the outbox waits. */
  private hubStatus(status: HubStatus): void {
    const degraded = status.store === 'ok' ? null : { since: status.since, reason: status.reason };
    if ((this.connection.degraded ?? null) === null && degraded === null) return;
    this.connection = { ...this.connection, degraded };
    this.emitConnection();
  }

  /** The hub refused hello (it could not make its board): ask later; the answer holds what came meanwhile. */
  private refused(message: string): void {
    this.options.log?.(`hub refused to sync: ${message}`);
    this.pendingLive = [];
    this.setStatus('offline');
    this.askAgain.schedule(() => {
      if (this.linkUp && !this.synced) this.resync();
    });
  }

  private linkDown(reason: string | null): void {
    this.linkUp = false;
    this.synced = false;
    this.outbox.setOnline(false);
    this.helloInFlight = false;
    this.pendingLive = [];
    if ((this.connection.reason ?? null) !== reason || this.connection.degraded) {
      // Offline says more than degraded: what the hub said last no longer holds.
      this.connection = { ...this.connection, reason, degraded: null };
      if (this.connection.status === 'offline') this.emitConnection();
    }
    this.setStatus('offline');
    // The last picture is what an operator sees until the hub is back: keep it now, not later.
    if (this.saver.waiting) this.saver.flush();
  }

  /** Resolves once the outbox's writes so far are in storage (a host awaits it before closing). */
  whenStored(): Promise<void> {
    return this.outbox.whenStored();
  }

  /** Writes the cache now if a write is waiting (hosts call this when the page or app closes). */
  persistNow(): void {
    if (this.saver.waiting) this.saver.flush();
  }

  /**
   * Queues an operator action in the persistent outbox and sends it when the hub is reachable;
   * resolves with the hub's answer, however long that takes.
   */
  sendCommand(command: Command): Promise<CommandAnswer> {
    return this.outbox.enqueue(command, this.hubId, this.signedInAs);
  }

  /**
   * The host now connects with another token (signed in or out): who this console acts as is
   * unknown until the hub says, and actions queued before keep their maker (shared/outbox.ts).
   */
  credentialsChanged(): void {
    this.signedInAs = null;
    this.options.transport.reconnect?.();
  }

  /** Forgets a refusal the operator has read. */
  dismissRejected(commandId: string): void {
    this.outbox.dismissRejected(commandId);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.connection.status === status) return;
    this.connection = { ...this.connection, status, since: this.now() };
    this.emitConnection();
  }

  /**
   * Lets go of incidents resolved longer ago than the retention window, except those a page has
   * open or an action is queued for: the one place a console forgets (a wall runs for weeks).
   */
  prune(): void {
    const keep = new Set(this.options.retain?.() ?? []);
    for (const entry of this.outbox.state().pending) keep.add(entry.command.incidentId);
    const kept = pruneResolved(this.incidents, this.now(), RESOLVED_RETENTION_MS, keep);
    if (kept === this.incidents) return;
    const removed = Object.keys(this.incidents).filter((id) => kept[id] === undefined);
    this.incidents = { ...kept };
    this.saver.letGo(removed);
    this.emit({ kind: 'removed', ids: removed });
  }

  private emitConnection(): void {
    this.emit({ kind: 'connection', connection: this.connection });
  }

  private emit(change: ReplicaChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
