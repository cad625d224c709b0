import type { HubEvent } from '../../shared/events';
import { ImpactNotifier, type ImpactNotifierDeps } from '../catalog/impact-notifier';
import { createEscalations, type Escalations, type EscalationsDeps } from '../escalation/escalations';
import { SilenceKeeper, type SilenceKeeperDeps } from '../silences/silence-keeper';
import type { EventLog } from '../store/event-log';
import type { Snapshots } from '../store/snapshots';
import { readUnfinished } from './read-unfinished';
import type { UnfinishedDeliveries } from './unfinished-deliveries';

// The work that must happen once however many hubs run: escalation deadlines and their pages,
// notification deliveries and their retries, snapshots. It runs on the leader only (one hub on
// SQLite is always the leader). Each term of leadership starts it afresh from the folded log —
// deadlines are rebuilt from each escalation's nextLevelAt — and a term that ends stops it. A
// deadline that two hubs fire around a hand-over still pages once: the plan is re-checked inside
// the commit, against the log as it then stands. Deliveries an earlier term left under way (a
// dead leader's, or this hub's before a restart) are found in the log and finished by the new term
// (unfinished-deliveries.ts): at least once, each with the same id every time.

export interface LeaderWorkDeps {
  readonly escalations: EscalationsDeps;
  readonly notifier: ImpactNotifierDeps;
  /** Absent: silence requests are recorded but nobody carries them out (tests of other work). */
  readonly silences?: SilenceKeeperDeps;
  readonly snapshots: Snapshots;
  /** Where a new term reads what earlier terms left unfinished. */
  readonly store: Pick<EventLog, 'eventsOfTypesSince'>;
  /** Events per page of that read (tests; UNFINISHED_PAGE_SIZE otherwise). */
  readonly resumePageSize?: number;
  /** The last seq folded: a term takes up requests up to it, and folds later ones live. */
  seq(): number;
  now(): number;
  log(line: string): void;
}

interface Term {
  readonly escalations: Escalations;
  readonly notifier: ImpactNotifier;
  readonly silences: SilenceKeeper | null;
}

export class LeaderWork {
  private term: Term | null = null;
  private ending: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LeaderWorkDeps) {}

  get leading(): boolean {
    return this.term !== null;
  }

  /** The running engine, while leading (tests and measurements). */
  get escalations(): Escalations | null {
    return this.term?.escalations ?? null;
  }

  /** This hub became the leader: rebuild deadlines from the state and start. */
  begin(): void {
    if (this.term) return;
    const term: Term = {
      escalations: createEscalations(this.deps.escalations),
      notifier: new ImpactNotifier(this.deps.notifier),
      silences: this.deps.silences ? new SilenceKeeper(this.deps.silences) : null,
    };
    this.term = term;
    this.deps.snapshots.enabled = true;
    const throughSeq = this.deps.seq();
    // A term that just ended may still be recording; start once it has stopped, and only then
    // look for what it (or a dead leader) left unfinished, so its last outcomes are in the log.
    void this.ending.then(() => {
      if (this.term !== term) return;
      term.escalations.start();
      void this.resume(term, throughSeq);
    });
  }

  /** Finishes the deliveries and silence requests up to `throughSeq` that have no outcome yet. */
  private async resume(term: Term, throughSeq: number): Promise<void> {
    let unfinished: UnfinishedDeliveries | null;
    try {
      unfinished = await readUnfinished(this.deps.store, {
        throughSeq,
        now: this.deps.now(),
        stillCurrent: () => this.term === term,
        ...(this.deps.resumePageSize ? { pageSize: this.deps.resumePageSize } : {}),
      });
    } catch (error) {
      // The store is down: when it is back the hub starts a new term, which looks again.
      this.deps.log(`leader: reading unfinished deliveries failed: ${String(error)}`);
      return;
    }
    if (!unfinished || this.term !== term) return;
    let taken = 0;
    for (const { request, finished } of unfinished.pages)
      taken += term.escalations.pager.resume(request, finished);
    for (const { request, finished } of unfinished.notices) taken += term.notifier.resume(request, finished);
    for (const { request, integrations, ended } of term.silences ? unfinished.silences : []) {
      term.silences?.resume(request, integrations, ended);
      taken += integrations.length;
    }
    for (const request of term.silences ? unfinished.expiries : []) {
      term.silences?.resumeExpire(request);
      taken += 1;
    }
    if (taken > 0) this.deps.log(`leader: finishing ${taken} deliveries an earlier term left under way`);
  }

  /** This hub is no longer the leader (or is stopping): timers and deliveries stop now. */
  end(): Promise<void> {
    const term = this.term;
    this.term = null;
    this.deps.snapshots.enabled = false;
    if (!term) return this.ending;
    this.ending = Promise.all([term.escalations.close(), term.notifier.close(), term.silences?.close()])
      .then(() => undefined)
      .catch((error: unknown) => this.deps.log(`leader: stopping work failed: ${String(error)}`));
    return this.ending;
  }

  /** Every folded batch, from every hub. */
  onCommitted(events: ReadonlyArray<HubEvent>): void {
    this.deps.snapshots.counted(events.length);
    if (!this.term) return;
    this.term.notifier.onCommitted(events);
    this.term.silences?.onCommitted(events);
    this.term.escalations.onCommitted(events);
  }
}
