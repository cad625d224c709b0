import type { HubEvent } from '../../shared/events';
import { applyEvents } from '../../shared/reducer';
import type { HubState, StagedIncidents } from '../state';
import type { EventLog } from './event-log';

// The one door into the hub's state: every committed event (this hub's own, and with several
// hubs those the others committed) is folded here, in seq order, exactly once. Folds take turns,
// because one may wait for the log (an incident let go of is read back before an event for it is
// applied). A batch that does not follow on from the state's seq is a gap: it is refused, and the
// caller reads the log again, so a lost notification is a late event, never a missing one.

/** Events kept in memory for consoles catching up: a reconnect within them costs no read. */
const RECENT_EVENTS = 20_000;

export class LogGapError extends Error {
  constructor(held: number, next: number) {
    super(`the log jumps from seq ${held} to ${next}`);
  }
}

export class LogFolder {
  private turn: Promise<void> = Promise.resolve();
  private recent: HubEvent[] = [];
  private readonly listeners: Array<(events: ReadonlyArray<HubEvent>) => void> = [];

  constructor(
    readonly state: HubState,
    private readonly log: Pick<EventLog, 'eventsOfIncident'>,
    private readonly report: (line: string) => void = console.error,
  ) {}

  /** The last seq folded. */
  get seq(): number {
    return this.state.seq;
  }

  /** Called with every batch folded, after the state holds it. */
  onFolded(listener: (events: ReadonlyArray<HubEvent>) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Folds committed events; those already folded are skipped. Rejects with LogGapError on a gap.
   * `staged`: the incidents these events make, made already from the state at `afterSeq` (this
   * hub's own commit), taken instead of folding again when the state is still at that seq.
   */
  fold(events: ReadonlyArray<HubEvent>, staged: StagedIncidents | null = null): Promise<void> {
    const run = this.turn.then(() => this.foldNow(events, staged));
    this.turn = run.catch(() => {});
    return run;
  }

  /**
   * Brings incidents let go of back into memory (a command about to be planned against one), in
   * turn with the folds so a copy read from the log can never overwrite a newer one.
   */
  recall(ids: ReadonlyArray<string>): Promise<void> {
    const run = this.turn.then(() => this.adoptFromLog(ids.filter((id) => !this.state.incident(id))));
    this.turn = run.catch(() => {});
    return run;
  }

  /** The events after `seq` when memory still holds all of them, else null (read the log). */
  recentAfter(seq: number): HubEvent[] | null {
    if (seq >= this.state.seq) return [];
    const first = this.recent[0];
    if (!first || first.seq > seq + 1) return null;
    return this.recent.slice(seq + 1 - first.seq);
  }

  private async foldNow(events: ReadonlyArray<HubEvent>, staged: StagedIncidents | null): Promise<void> {
    const fresh = events.filter((event) => event.seq > this.state.seq);
    if (fresh.length === 0) return;
    fresh.forEach((event, i) => {
      if (event.seq !== this.state.seq + 1 + i) throw new LogGapError(this.state.seq + i, event.seq);
    });
    const absent = this.state.absentFor(fresh);
    if (staged !== null && fresh.length === events.length && absent.length === 0 && this.fits(fresh, staged))
      this.state.applyStaged(fresh, staged);
    else {
      await this.adoptFromLog(absent);
      this.state.apply(fresh);
    }
    this.remember(fresh);
    for (const listener of this.listeners) {
      // The events are folded and durable whatever a listener does with them.
      try {
        listener(fresh);
      } catch (error) {
        this.report(`hub: handling committed events failed: ${String(error)}`);
      }
    }
  }

  /**
   * Whether `staged` is what folding `events` would make now: made from this state (same seq),
   * and holding every incident the events touch. One brought back from the log since (a command
   * recalled it) was not there to be staged, so the events are folded as usual.
   */
  private fits(events: ReadonlyArray<HubEvent>, staged: StagedIncidents): boolean {
    if (staged.afterSeq !== this.state.seq) return false;
    for (const event of events)
      if (event.type !== 'change_recorded' && !staged.incidents.has(event.incidentId)) return false;
    return true;
  }

  private async adoptFromLog(ids: ReadonlyArray<string>): Promise<void> {
    for (const id of ids) {
      const history = await this.log.eventsOfIncident(id, this.state.seq);
      const incident = history.length > 0 ? applyEvents({}, history)[id] : undefined;
      if (incident) this.state.adopt(incident);
    }
  }

  private remember(events: ReadonlyArray<HubEvent>): void {
    for (const event of events) this.recent.push(event);
    if (this.recent.length > 2 * RECENT_EVENTS) this.recent = this.recent.slice(-RECENT_EVENTS);
  }
}
