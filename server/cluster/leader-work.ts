import type { HubEvent } from '../../shared/events';
import { ImpactNotifier, type ImpactNotifierDeps } from '../catalog/impact-notifier';
import { createEscalations, type Escalations, type EscalationsDeps } from '../escalation/escalations';
import { SilenceKeeper, type SilenceKeeperDeps } from '../silences/silence-keeper';
import type { Snapshots } from '../store/snapshots';

// The work that must happen once however many hubs run: escalation deadlines and their pages,
// notification deliveries and their retries, snapshots. It runs on the leader only (one hub on
// SQLite is always the leader). Each term of leadership starts it afresh from the folded log —
// deadlines are rebuilt from each escalation's nextLevelAt — and a term that ends stops it. A
// deadline that two hubs fire around a hand-over still pages once: the plan is re-checked inside
// the commit, against the log as it then stands.

export interface LeaderWorkDeps {
  readonly escalations: EscalationsDeps;
  readonly notifier: ImpactNotifierDeps;
  /** Absent: silence requests are recorded but nobody carries them out (tests of other work). */
  readonly silences?: SilenceKeeperDeps;
  readonly snapshots: Snapshots;
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
    // A term that just ended may still be recording; start once it has stopped.
    void this.ending.then(() => {
      if (this.term === term) term.escalations.start();
    });
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
