import type { CommandAnswer, CommandRejection } from '../../shared/commands';
import type { Incident } from '../../shared/domain';
import type { HubEvent, NewEvent } from '../../shared/events';
import { applyEvents } from '../../shared/reducer';
import { groupKeysOf, type HubState } from '../state';
import type { CommandRecord, EventStore } from './event-store';

// Group commit. Every change to the log goes through here: the plans queued during one turn of
// the event loop are run in order against the state as it will be (earlier plans in the same
// batch included), numbered, written in ONE transaction, and only then are their promises
// resolved. So monitoring gets its 2xx after the data is durable, and a storm costs one fsync
// per batch instead of one per request. Commands are de-duplicated by commandId in the same
// transaction, so a replay racing its original still gets exactly one answer recorded.

/** What a plan sees: the state including everything planned before it in this batch. */
export interface PlanView {
  openIncidentFor(groupKey: string): Incident | undefined;
  incident(id: string): Incident | undefined;
  newIncidentId(): string;
}

export type Plan = (view: PlanView) => NewEvent[];
export type CommandPlan = (view: PlanView) => NewEvent[] | CommandRejection;

type Pending =
  | {
      readonly kind: 'plan';
      readonly plan: Plan;
      readonly resolve: (events: HubEvent[]) => void;
      readonly reject: (error: unknown) => void;
    }
  | {
      readonly kind: 'command';
      readonly commandId: string;
      readonly userId: string;
      readonly plan: CommandPlan;
      readonly resolve: (answer: CommandAnswer) => void;
      readonly reject: (error: unknown) => void;
    };

export class Writer {
  private queue: Pending[] = [];
  private scheduled = false;
  private nextIncidentNumber: number;

  constructor(
    private readonly store: EventStore,
    private readonly state: HubState,
    private readonly onCommitted: (events: ReadonlyArray<HubEvent>) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.nextIncidentNumber = store.nextIncidentNumber();
  }

  /** Queues a plan; resolves with its events once they are durable. */
  submit(plan: Plan): Promise<HubEvent[]> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'plan', plan, resolve, reject }));
  }

  /** Queues a command; resolves with its answer (the first one, for a replayed commandId) once durable. */
  submitCommand(commandId: string, userId: string, plan: CommandPlan): Promise<CommandAnswer> {
    return new Promise((resolve, reject) =>
      this.enqueue({ kind: 'command', commandId, userId, plan, resolve, reject }),
    );
  }

  private enqueue(pending: Pending): void {
    this.queue.push(pending);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Runs and commits everything queued; also called on shutdown. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    const touched = new Map<string, Incident>();
    const openByGroup = new Map<string, Incident | null>();
    const answers = new Map<string, CommandAnswer>();
    let seq = this.state.seq;
    let incidentNumber = this.nextIncidentNumber;
    const view: PlanView = {
      incident: (id) => touched.get(id) ?? this.state.incident(id),
      openIncidentFor: (groupKey) => {
        const overlay = openByGroup.get(groupKey);
        return overlay === undefined ? this.state.openIncidentFor(groupKey) : (overlay ?? undefined);
      },
      newIncidentId: () => `INC-${incidentNumber++}`,
    };
    const numberAndStage = (planned: NewEvent[]): HubEvent[] => {
      const events = planned.map((event) => ({ ...event, seq: ++seq }) as HubEvent);
      for (const incidentId of new Set(events.map((event) => event.incidentId))) {
        const current = view.incident(incidentId);
        const next = applyEvents(current ? { [incidentId]: current } : {}, events)[incidentId];
        if (!next) continue;
        touched.set(incidentId, next);
        for (const key of groupKeysOf(next)) {
          if (next.status !== 'resolved') openByGroup.set(key, next);
          else if (view.openIncidentFor(key)?.id === next.id) openByGroup.set(key, null);
        }
      }
      return events;
    };

    const all: HubEvent[] = [];
    const records: CommandRecord[] = [];
    const settle: Array<() => void> = [];
    for (const pending of batch) {
      try {
        if (pending.kind === 'plan') {
          const events = numberAndStage(pending.plan(view));
          all.push(...events);
          settle.push(() => pending.resolve(events));
          continue;
        }
        const earlier = answers.get(pending.commandId) ?? this.store.commandAnswer(pending.commandId);
        if (earlier) {
          settle.push(() => pending.resolve(earlier));
          continue;
        }
        const outcome = pending.plan(view);
        let answer: CommandAnswer;
        if (Array.isArray(outcome)) {
          const events = numberAndStage(outcome);
          all.push(...events);
          answer = { ok: true, seq };
        } else {
          answer = { ok: false, error: outcome };
        }
        answers.set(pending.commandId, answer);
        records.push({ commandId: pending.commandId, userId: pending.userId, at: this.now(), answer });
        settle.push(() => pending.resolve(answer));
      } catch (error) {
        // A plan that throws is a bug in that plan; it must not take the rest of the batch down.
        settle.push(() => pending.reject(error));
      }
    }

    try {
      if (all.length > 0 || records.length > 0) this.store.append(all, incidentNumber, records);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.nextIncidentNumber = incidentNumber;
    this.state.apply(all);
    for (const done of settle) done();
    if (all.length > 0) this.onCommitted(all);
  }
}
