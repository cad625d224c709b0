import type { SitroomConfig } from '../../shared/config/types';
import type { Incident } from '../../shared/domain';
import {
  type EscalationPlanContext,
  planAcknowledged,
  planDue,
  planStart,
  planStop,
} from '../../shared/escalation/escalation-plans';
import type { EscalationLevelPaged, HubEvent, NewEvent } from '../../shared/events';
import type { Writer } from '../store/writer';
import type { Clock } from './clock';
import { DeadlineQueue } from './deadline-queue';

// Runs escalation policies. Everything it decides is an event in the log, planned inside the
// group commit against the incident as it then stands; its only memory is the deadline queue,
// which it rebuilds from the folded state (each escalation's nextLevelAt) when the hub starts.
// So a deadline missed while the hub was down fires once on start, none fires early, and a
// level already in the log is never paged again: a stale timer finds nextLevelAt moved on.

export interface EscalationEngineDeps {
  readonly writer: Pick<Writer, 'submit'>;
  readonly clock: Clock;
  incidents(): Iterable<Incident>;
  config(): SitroomConfig;
  /** Each page once it is durable: the pager delivers it. */
  onPaged(event: EscalationLevelPaged): void;
  log(line: string): void;
}

export class EscalationEngine {
  private readonly deadlines: DeadlineQueue;
  private readonly inflight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly deps: EscalationEngineDeps) {
    this.deadlines = new DeadlineQueue(deps.clock, (incidentId, at) =>
      this.plan(incidentId, (incident, ctx) => planDue(incident, at, ctx)),
    );
  }

  /** Pending deadlines, for tests and measurements. */
  get pending(): number {
    return this.deadlines.size;
  }

  /** Rebuilds the deadlines from the folded log; starts escalations that a crash left unstarted. */
  start(): void {
    for (const incident of this.deps.incidents()) {
      const escalation = incident.escalation;
      if (incident.status === 'resolved') continue;
      if (escalation && !escalation.stopped && escalation.nextLevelAt !== null) {
        this.deadlines.schedule(incident.id, escalation.nextLevelAt);
      } else if (escalation === undefined) {
        // Opened, then the hub stopped before the start was committed (or no policy applied
        // then and one does now): the plan decides, and does nothing if nothing applies.
        this.plan(incident.id, planStart);
      }
    }
  }

  /** Every committed batch comes through here. */
  onCommitted(events: ReadonlyArray<HubEvent>): void {
    if (this.closed) return;
    for (const event of events) {
      switch (event.type) {
        case 'incident_opened':
          this.plan(event.incidentId, planStart);
          break;
        case 'escalation_level_paged':
          if (event.dueNext === null) this.deadlines.cancel(event.incidentId);
          else this.deadlines.schedule(event.incidentId, event.dueNext);
          this.deps.onPaged(event);
          break;
        case 'escalation_stopped':
          this.deadlines.cancel(event.incidentId);
          break;
        case 'incident_acknowledged':
          if (event.actor.kind === 'user') this.plan(event.incidentId, planAcknowledged);
          break;
        case 'incident_resolved':
        case 'incident_merged':
          this.stop(event.incidentId);
          break;
        default:
          break;
      }
    }
  }

  /** Resolves once every plan submitted so far is committed (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.closed = true;
    this.deadlines.close();
  }

  private stop(incidentId: string): void {
    this.plan(incidentId, planStop);
  }

  /** Submits a decision about one incident, taken in the commit against its state then. */
  private plan(
    incidentId: string,
    decide: (incident: Incident, ctx: EscalationPlanContext) => NewEvent[],
  ): void {
    if (this.closed) return;
    const job = this.deps.writer
      .submit((view) => {
        const incident = view.incident(incidentId);
        // A leader whose lock went while this commit waited pages nobody: the next leader decides.
        if (!view.leading) return [];
        // The clock is read when the plan runs, inside the commit, so `at` is when it happened.
        return incident ? decide(incident, { config: this.deps.config(), now: this.deps.clock.now() }) : [];
      })
      .catch((error: unknown) => this.deps.log(`escalation: could not record: ${String(error)}`));
    this.inflight.add(job);
    void job.finally(() => this.inflight.delete(job));
  }
}
