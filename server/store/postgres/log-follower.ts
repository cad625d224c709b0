import pg from 'pg';
import { type LogFolder, LogGapError } from '../log-folder';
import type { PgLog } from './pg-log';
import { LOG_CHANNEL } from './pg-schema';

// How a hub learns what the other hubs committed. A NOTIFY ("instance seq") is only a hint that
// the log grew: the events themselves are always read from the log by seq, after the last one
// this hub folded. So a notification that never arrives (the listening connection dropped, the
// hub was busy) costs time, not events: the next hint, the next commit of our own (it reads what
// it missed under the write lock) or the poll every second finds them, and the folder refuses
// anything that does not follow on from its seq.

/** The safety net when no notification comes. */
const POLL_MS = 1_000;
/** Events read per step when catching up. */
const PAGE = 5_000;
/** Waits before listening again after the connection failed, doubling to the last. */
const RELISTEN_MS = [250, 500, 1_000, 2_000, 5_000];

export class LogFollower {
  private folder: LogFolder | null = null;
  private listener: pg.Client | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private catching: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly log: PgLog,
    private readonly instance: string,
    private readonly report: (line: string) => void,
  ) {}

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
        const events = await this.log.eventsAfter(folder.seq, PAGE);
        if (events.length === 0) return;
        await folder.fold(events);
        if (events.length < PAGE) return;
      }
    } catch (error) {
      // A gap can only be a commit not yet visible to this read; the poll reads again.
      if (!(error instanceof LogGapError)) this.report(`cluster: reading the log failed: ${String(error)}`);
    }
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
    const client = new pg.Client({ connectionString: this.log.url, keepAlive: true });
    let gone = false;
    const retry = (error: unknown): void => {
      if (gone) return;
      gone = true;
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => {});
      if (this.closed) return;
      const wait = RELISTEN_MS[Math.min(this.failures++, RELISTEN_MS.length - 1)] as number;
      this.report(`cluster: listening for commits failed (${String(error)}); again in ${wait} ms`);
      setTimeout(() => void this.listen(), wait).unref();
    };
    client.on('error', retry);
    client.on('end', () => retry(new Error('the connection ended')));
    client.on('notification', (message) => {
      const [from, seq] = (message.payload ?? '').split(' ');
      if (from === this.instance) return;
      if (Number(seq) > (this.folder?.seq ?? 0)) void this.catchUp();
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${LOG_CHANNEL}`);
      this.failures = 0;
      // Whatever was committed while we were not listening.
      void this.catchUp();
    } catch (error) {
      retry(error);
    }
  }
}
