import type { Incident } from '../../shared/domain';
import type { HubEvent, NewEvent } from '../../shared/events';
import { applyEvents } from '../../shared/reducer';
import { groupKeysOf, type HubState } from '../state';
import type { EventStore } from './event-store';

// Group commit. Every change to the log goes through submit(): the plans queued during one turn
// of the event loop are run in order against the state as it will be (earlier plans in the same
// batch included), numbered, written in ONE transaction, and only then are their promises
// resolved. So monitoring gets its 2xx after the data is durable, and a storm costs one fsync
// per batch instead of one per request.

/** What a plan sees: the state including everything planned before it in this batch. */
export interface PlanView {
  openIncidentFor(groupKey: string): Incident | undefined;
  incident(id: string): Incident | undefined;
  newIncidentId(): string;
}

export type Plan = (view: PlanView) => NewEvent[];

interface Pending {
  readonly plan: Plan;
  readonly resolve: (events: HubEvent[]) => void;
  readonly reject: (error: unknown) => void;
}

export class Writer {
  private queue: Pending[] = [];
  private scheduled = false;
  private nextIncidentNumber: number;

  constructor(
    private readonly store: EventStore,
    private readonly state: HubState,
    private readonly onCommitted: (events: ReadonlyArray<HubEvent>) => void,
  ) {
    this.nextIncidentNumber = store.nextIncidentNumber();
  }

  /** Queues a plan; resolves with its events once they are durable. */
  submit(plan: Plan): Promise<HubEvent[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ plan, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs and commits everything queued; also called on shutdown. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;

    const touched = new Map<string, Incident>();
    const openByGroup = new Map<string, Incident | null>();
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

    const all: HubEvent[] = [];
    const results: Array<{ pending: Pending; events: HubEvent[] } | { pending: Pending; error: unknown }> =
      [];
    for (const pending of batch) {
      try {
        const planned = pending.plan(view);
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
        all.push(...events);
        results.push({ pending, events });
      } catch (error) {
        // A plan that throws is a bug in that plan; it must not take the rest of the batch down.
        results.push({ pending, error });
      }
    }

    try {
      if (all.length > 0) this.store.append(all, incidentNumber);
    } catch (error) {
      for (const { pending } of results) pending.reject(error);
      return;
    }
    this.nextIncidentNumber = incidentNumber;
    this.state.apply(all);
    for (const result of results) {
      if ('error' in result) result.pending.reject(result.error);
      else result.pending.resolve(result.events);
    }
    if (all.length > 0) this.onCommitted(all);
  }
}
