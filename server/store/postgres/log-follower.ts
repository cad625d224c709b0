import pg from 'pg';
import { type LogFolder, LogGapError } from '../log-folder';
import { FailureNote } from './failure-note';
import { readNotice } from './log-notice';
import { KEEPALIVE_AFTER_MS, type PgLog } from './pg-log';
import { LOG_CHANNEL } from './pg-schema';

// How a hub learns what the other hubs committed. A NOTIFY (log-notice.ts) says the log grew, and
// carries the committed rows when they fit: those follow on from this hub's seq are folded at
// once, which is what keeps a console on this hub within milliseconds of a commit on another.
// Anything else is read from the log by seq, after the last one this hub folded. So a
// notification that never arrives (the listening connection dropped, the hub was busy) costs
// time, not events: the next one, the next commit of our own (it reads what it missed under the
// write lock) or the poll every second finds them, and the folder refuses anything that does not
// follow on from its seq.

/** The safety net when no notification comes. */
const POLL_MS = 1_000;
/** Events read per step when catching up. */
const PAGE = 5_000;
/** Waits before listening again after the connection failed, doubling to the last. */
const RELISTEN_MS = [250, 500, 1_000, 2_000, 5_000];
/** How long a session is taken to be a hub's (or not) before it is looked up again. */
const VETTED_FOR_MS = 60_000;

/**
 * What the hub's metrics hear of following the others: `notified`, from the committing hub
 * sending its write until the notification arrived here (both hubs' clocks: on separate machines
 * their difference is in it); `read`, a read of the log; `fold`, folding a batch and handing it
 * to the consoles' broadcaster. `followed` counts batches by where they came from.
 */
export interface FollowObserver {
  followStage(stage: 'notified' | 'read' | 'fold', seconds: number): void;
  followed(source: 'notification' | 'log'): void;
}

export class LogFollower {
  private folder: LogFolder | null = null;
  private listener: pg.Client | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private catching: Promise<void> | null = null;
  private again = false;
  /**
   * The last seq handed to the folder from a notice, folded or about to be: a commit's notices
   * arrive together and each follows on from the one before, before that one's fold has run.
   */
  private handed = 0;
  private failures = 0;
  /** Through an outage the log hears of failed reads and listens once, not at every try. */
  private readonly readNote: FailureNote;
  private readonly listenNote: FailureNote;
  private closed = false;
  /**
   * Database sessions (backend pids) whose notices may be folded: those running as this hub's
   * own role, the one that writes the log. Anyone who can connect may NOTIFY, so events carried
   * by a session not known to be a hub's are never folded; its notice only sends us to the log.
   */
  private readonly writers = new Map<number, boolean>();
  private vetted = Date.now();

  constructor(
    private readonly log: PgLog,
    private readonly instance: string,
    private readonly report: (line: string) => void,
    private readonly observer: FollowObserver | null = null,
  ) {
    this.readNote = new FailureNote('reading the log', report);
    this.listenNote = new FailureNote('listening for commits', report);
  }

  start(folder: LogFolder): void {
    this.folder = folder;
    void this.listen();
    this.poll();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.catching;
    await this.listener?.end().catch(() => {});
    this.listener = null;
  }

  /** Reads and folds everything after the folder's seq; one catch-up at a time, repeated if asked meanwhile. */
  catchUp(): Promise<void> {
    if (this.catching) {
      this.again = true;
      return this.catching;
    }
    this.catching = this.readOn().finally(() => {
      this.catching = null;
      if (this.again && !this.closed) {
        this.again = false;
        void this.catchUp();
      }
    });
    return this.catching;
  }

  private async readOn(): Promise<void> {
    const folder = this.folder;
    if (!folder) return;
    try {
      for (;;) {
        const asked = performance.now();
        const events = await this.log.eventsAfter(folder.seq, PAGE);
        this.readNote.worked();
        if (events.length === 0) return;
        const read = performance.now();
        await folder.fold(events);
        this.observer?.followStage('read', (read - asked) / 1000);
        this.observer?.followStage('fold', (performance.now() - read) / 1000);
        this.observer?.followed('log');
        if (events.length < PAGE) return;
      }
    } catch (error) {
      // A gap can only be a commit not yet visible to this read; the poll reads again.
      if (!(error instanceof LogGapError)) this.readNote.failed(error);
    }
  }

  /** Another hub committed: fold what its notice carries when it follows on, else read the log. */
  private noticed(payload: string, sender: number): void {
    const arrived = performance.now();
    const notice = readNotice(payload);
    if (!notice) {
      void this.catchUp();
      return;
    }
    if (notice.from === this.instance) return;
    if (notice.sentAt !== null)
      this.observer?.followStage(
        'notified',
        Math.max(0, performance.timeOrigin + arrived - notice.sentAt) / 1000,
      );
    const folder = this.folder;
    if (!folder || notice.lastSeq <= folder.seq) return;
    // Folded even while a read of the log is under way: folds take turns, so these either follow
    // on from that read's and save asking again, or are refused as a gap and read after it. The
    // same goes for following on from a notice handed to the folder but not yet folded.
    const follows = notice.firstSeq <= Math.max(folder.seq, this.handed) + 1;
    if (!notice.events || !follows || !this.isWriter(sender)) {
      void this.catchUp();
      return;
    }
    this.handed = Math.max(this.handed, notice.lastSeq);
    folder.fold(notice.events).then(
      () => {
        this.observer?.followStage('fold', (performance.now() - arrived) / 1000);
        this.observer?.followed('notification');
      },
      (error: unknown) => {
        // Not in order after all (a notice lost just before): the log has them.
        if (!(error instanceof LogGapError))
          this.report(`cluster: folding another hub's commit failed: ${String(error)}`);
        void this.catchUp();
      },
    );
  }

  /** Whether `pid` is known to run as our role; an unknown one is looked up for next time. */
  private isWriter(pid: number): boolean {
    // Backend pids are reused once a session ends: what was learnt is forgotten now and then.
    if (Date.now() - this.vetted > VETTED_FOR_MS) {
      this.writers.clear();
      this.vetted = Date.now();
    }
    const known = this.writers.get(pid);
    if (known !== undefined) return known;
    this.writers.set(pid, false);
    this.log.pool
      .query<{ ours: boolean }>(
        'SELECT usename = current_user AS ours FROM pg_stat_activity WHERE pid = $1',
        [pid],
      )
      .then(
        (result) => this.writers.set(pid, result.rows[0]?.ours === true),
        () => this.writers.delete(pid),
      );
    return false;
  }

  private poll(): void {
    if (this.closed) return;
    this.pollTimer = setTimeout(() => {
      void this.catchUp().finally(() => this.poll());
    }, POLL_MS);
    this.pollTimer.unref();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.log.url,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS,
      application_name: `sitroom-hub ${this.instance} listener`,
    });
    let gone = false;
    const retry = (error: unknown): void => {
      if (gone) return;
      gone = true;
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => {});
      if (this.closed) return;
      const wait = RELISTEN_MS[Math.min(this.failures++, RELISTEN_MS.length - 1)] as number;
      this.listenNote.failed(error);
      setTimeout(() => void this.listen(), wait).unref();
    };
    client.on('error', retry);
    client.on('end', () => retry(new Error('the connection ended')));
    client.on('notification', (message) => this.noticed(message.payload ?? '', message.processId));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${LOG_CHANNEL}`);
      this.listenNote.worked();
      this.failures = 0;
      // Whatever was committed while we were not listening.
      void this.catchUp();
    } catch (error) {
      retry(error);
    }
  }
}
