import type { CommandAnswer, CommandRejection } from '../../shared/commands';
import type { HubEvent, NewEvent } from '../../shared/events';
import { type CommitStage, type EventLog, isEmpty, StoreUnavailableError } from './event-log';
import type { LogFolder } from './log-folder';
import { type PlanView, planBatch } from './plan-batch';
import type { StoreHealth } from './store-health';

// Group commit. Every change to the log goes through here: the plans queued while the previous
// commit was under way are run in order against the state as it will be (earlier plans in the
// same batch included), numbered, written in ONE transaction, and only then are their promises
// resolved. So monitoring gets its 2xx after the data is durable, and a storm costs one fsync per
// batch instead of one per request. One batch is in flight at a time; the event loop keeps
// parsing requests meanwhile, so the next batch is as big as the storm needs.
//
// With several hubs the plans run inside the commit, after the events the others committed
// since have been folded in (EventLog.commit), so every plan is checked against the one log as
// it stands: an escalation deadline fired by two hubs pages once. Commands are de-duplicated by
// commandId in the same transaction, so a replay racing its original gets exactly one answer.

export type { PlanView } from './plan-batch';
export type Plan = (view: PlanView) => NewEvent[];
export type CommandPlan = (view: PlanView) => NewEvent[] | CommandRejection;

/** Who sent a command and what it said, for de-duplication and for refusing a reused commandId. */
export interface CommandKey {
  readonly commandId: string;
  readonly userId: string;
  readonly bodySha256: string;
}

/** How a plan is submitted. */
export interface SubmitOptions {
  /**
   * The plan's events are new objects, made for this plan alone and handed over: the writer
   * numbers them in place instead of copying each to add its seq.
   */
  readonly handsOver?: boolean;
}

export type Pending =
  | {
      readonly kind: 'plan';
      readonly plan: Plan;
      readonly handsOver: boolean;
      readonly resolve: (events: HubEvent[]) => void;
      readonly reject: (error: unknown) => void;
    }
  | {
      readonly kind: 'command';
      readonly key: CommandKey;
      readonly plan: CommandPlan;
      readonly resolve: (answer: CommandAnswer) => void;
      readonly reject: (error: unknown) => void;
    };

/** What the hub's metrics hear of each group commit (server/metrics). */
export interface CommitObserver {
  committed(requests: number, seconds: number, events: ReadonlyArray<HubEvent>): void;
  commitFailed(): void;
  /**
   * How long one step of a commit took: `queued` (the batch's oldest request waiting for its
   * commit to start), the store's own steps (CommitStage), and `fold` (folding the batch and
   * handing it to the consoles' broadcaster before anyone is answered).
   */
  commitStage?(stage: CommitStage | 'queued' | 'fold', seconds: number): void;
}

/** While the store is unavailable, a small commit is tried this often so a quiet hub recovers. */
const PROBE_EVERY_MS = 1000;

export class Writer {
  private queue: Pending[] = [];
  /** When the oldest request in `queue` was queued (performance.now()). */
  private oldestAt = 0;
  private scheduled = false;
  private running: Promise<void> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly log: EventLog,
    private readonly folder: LogFolder,
    private readonly health: StoreHealth,
    private readonly now: () => number = Date.now,
    private readonly observer?: CommitObserver,
  ) {}

  /** Queues a plan; resolves with its events once they are durable and folded. */
  submit(plan: Plan, options: SubmitOptions = {}): Promise<HubEvent[]> {
    const handsOver = options.handsOver ?? false;
    return new Promise((resolve, reject) => this.enqueue({ kind: 'plan', plan, handsOver, resolve, reject }));
  }

  /** Queues a command; resolves with its answer (the first one, for a true replay) once durable. */
  submitCommand(key: CommandKey, plan: CommandPlan): Promise<CommandAnswer> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'command', key, plan, resolve, reject }));
  }

  /** Resolves once everything queued so far is committed (or has failed): shutdown, tests. */
  async drain(): Promise<void> {
    while (this.running || this.queue.length > 0) {
      if (!this.running) this.run();
      await this.running;
    }
  }

  /** Stops probing; what is queued can still be drained. */
  close(): void {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private enqueue(pending: Pending): void {
    if (this.queue.length === 0) this.oldestAt = performance.now();
    this.queue.push(pending);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private run(probe = false): void {
    this.scheduled = false;
    if (this.running) return;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0 && !probe) return;
    if (batch.length > 0) this.observer?.commitStage?.('queued', (performance.now() - this.oldestAt) / 1000);
    this.running = this.commit(batch, probe).finally(() => {
      this.running = null;
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async commit(batch: ReadonlyArray<Pending>, probe: boolean): Promise<void> {
    let planned: ReturnType<typeof planBatch> | null = null;
    const commandIds = [
      ...new Set(batch.flatMap((pending) => (pending.kind === 'command' ? [pending.key.commandId] : []))),
    ];
    const started = performance.now();
    try {
      const timed = this.observer?.commitStage
        ? (stage: CommitStage, seconds: number) => this.observer?.commitStage?.(stage, seconds)
        : undefined;
      await this.log.commit({ afterSeq: this.folder.seq, commandIds, probe, timed }, async (view) => {
        // Whatever other hubs committed since is folded first: the plans see the log as it stands.
        await this.folder.fold(view.missed);
        planned = planBatch(batch, this.folder.state, view, this.now);
        return planned.write;
      });
    } catch (error) {
      this.health.failed(error);
      this.observer?.commitFailed();
      this.probeLater();
      const unavailable = new StoreUnavailableError(error);
      for (const pending of batch) pending.reject(unavailable);
      return;
    }
    const done = planned as ReturnType<typeof planBatch> | null;
    // Only a write that reached the disk (or the probe's) proves the store works again.
    if (probe || (done && !isEmpty(done.write))) this.health.succeeded();
    if (!done) return;
    // Folded before anyone is answered, so a read right after a 2xx sees what it caused.
    const durable = performance.now();
    await this.folder.fold(done.write.events, done.staged).catch((error: unknown) => {
      console.error('hub: folding a committed batch failed:', error);
    });
    if (done.write.events.length > 0)
      this.observer?.commitStage?.('fold', (performance.now() - durable) / 1000);
    if (batch.length > 0)
      this.observer?.committed(batch.length, (performance.now() - started) / 1000, done.write.events);
    for (const settle of done.settle) settle();
  }

  private probeLater(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (this.health.status.ok || this.closed) return;
      if (!this.running) this.run(true);
      this.probeLater();
    }, PROBE_EVERY_MS);
    this.probeTimer.unref();
  }
}
