import type { CommandAnswer } from '../../shared/commands';
import type { Incident } from '../../shared/domain';
import type { HubEvent, NewEvent } from '../../shared/events';
import { applyEventsTo } from '../../shared/reducer';
import { groupKeysOf, type HubState, type StagedIncidents } from '../state';
import type { CommandRecord, CommitView, CommitWrite, KnownCommand } from './event-log';
import type { CommandKey, Pending } from './writer';

// One group commit's planning: each queued plan in turn, against the folded state plus what the
// plans before it in the batch did, numbered from the log's last seq. Runs inside the commit
// (under the log's write lock), so it must not wait for anything.

/** What a plan sees: the state including everything planned before it in this batch. */
export interface PlanView {
  openIncidentFor(groupKey: string): Incident | undefined;
  incident(id: string): Incident | undefined;
  newIncidentId(): string;
  /** Whether this hub still leads, as the commit sees it (CommitView.leading): leader work checks. */
  readonly leading: boolean;
}

export interface PlannedBatch {
  readonly write: CommitWrite;
  /**
   * The incidents the batch's events make, as staged for its plans, when each plan's events
   * went in whole: the fold of the committed batch takes these instead of making them again.
   */
  readonly staged: StagedIncidents | null;
  /** Answers each pending once the write is durable, in queue order. */
  readonly settle: ReadonlyArray<() => void>;
}

export function planBatch(
  batch: ReadonlyArray<Pending>,
  state: HubState,
  view: CommitView,
  now: () => number,
): PlannedBatch {
  const touched = new Map<string, Incident>();
  const openByGroup = new Map<string, Incident | null>();
  const answers = new Map<string, KnownCommand>();
  let seq = state.seq;
  let incidentNumber = view.nextIncidentNumber;
  const plans: PlanView = {
    incident: (id) => touched.get(id) ?? state.incident(id),
    openIncidentFor: (groupKey) => {
      const overlay = openByGroup.get(groupKey);
      return overlay === undefined ? state.openIncidentFor(groupKey) : (overlay ?? undefined);
    },
    newIncidentId: () => `INC-${incidentNumber++}`,
    leading: view.leading,
  };
  // Each plan's events are folded onto the batch's overlay as they are planned, so the next plan
  // sees them: one fold per plan over a table that reads through to the state, the overlay taking
  // each incident's new copy (the state's own incidents are never changed).
  const staging = {
    get: (id: string) => touched.get(id) ?? state.incident(id),
    set: (id: string, incident: Incident) => {
      touched.set(id, incident);
    },
  };
  const numberAndStage = (planned: NewEvent[], handsOver = false): HubEvent[] => {
    // Most of the escalation engine's plans (one per incident opened or resolved) decide nothing.
    if (planned.length === 0) return [];
    // seq goes last either way. A spread copies through V8's slow path for the many shapes
    // events come in: in a storm that copy was 3 % of the hub's busy time.
    const events = handsOver
      ? planned.map((event) => {
          (event as { seq?: number }).seq = ++seq;
          return event as HubEvent;
        })
      : planned.map((event) => ({ ...event, seq: ++seq }) as HubEvent);
    applyEventsTo(staging, events);
    let last: string | null = null;
    for (const event of events) {
      // A plan's events mostly come in runs for one incident: each is looked at once per run.
      if (event.incidentId === last) continue;
      last = event.incidentId;
      const next = touched.get(event.incidentId);
      if (!next) continue;
      for (const key of groupKeysOf(next)) {
        if (next.status !== 'resolved') openByGroup.set(key, next);
        else if (plans.openIncidentFor(key)?.id === next.id) openByGroup.set(key, null);
      }
    }
    return events;
  };

  const all: HubEvent[] = [];
  const records: CommandRecord[] = [];
  const settle: Array<() => void> = [];
  const afterSeq = state.seq;
  let whole = true;
  for (const pending of batch) {
    try {
      if (pending.kind === 'plan') {
        const events = numberAndStage(pending.plan(plans), pending.handsOver);
        all.push(...events);
        settle.push(() => pending.resolve(events));
        continue;
      }
      const { key } = pending;
      const earlier = answers.get(key.commandId) ?? view.commands.get(key.commandId);
      if (earlier) {
        const answer = replayAnswer(earlier, key);
        settle.push(() => pending.resolve(answer));
        continue;
      }
      const outcome = pending.plan(plans);
      let answer: CommandAnswer;
      if (Array.isArray(outcome)) {
        all.push(...numberAndStage(outcome));
        answer = { ok: true, seq };
      } else {
        answer = { ok: false, error: outcome };
      }
      const record: CommandRecord = { ...key, at: now(), answer };
      answers.set(key.commandId, record);
      records.push(record);
      settle.push(() => pending.resolve(answer));
    } catch (error) {
      // A plan that throws is a bug in that plan; it must not take the rest of the batch down.
      // It may have thrown while its events were staged: the fold then makes its own.
      whole = false;
      settle.push(() => pending.reject(error));
    }
  }
  return {
    write: { events: all, commands: records, nextIncidentNumber: incidentNumber },
    staged: whole ? { afterSeq, incidents: touched } : null,
    settle,
  };
}

/**
 * The answer to a commandId seen before: the first answer when the same person sends the same
 * action again (a replay from an outbox), a refusal when anyone else, or another action, reuses
 * the id — a commandId must not let one person learn or claim another's action.
 */
export function replayAnswer(earlier: KnownCommand, key: CommandKey): CommandAnswer {
  if (earlier.userId !== key.userId) {
    return {
      ok: false,
      error: {
        code: 'conflict',
        message: `Action id ${key.commandId} was already used by someone else; nothing was done. Send the action again as a new one.`,
      },
    };
  }
  // Commands recorded before bodies were hashed carry no hash: the same person's replay is trusted.
  if (earlier.bodySha256 !== null && earlier.bodySha256 !== key.bodySha256) {
    return {
      ok: false,
      error: {
        code: 'invalid',
        message: `Action id ${key.commandId} was already used for a different action; nothing was done. Send this one as a new action.`,
      },
    };
  }
  return earlier.answer;
}
