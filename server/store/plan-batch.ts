import type { CommandAnswer } from '../../shared/commands';
import type { Incident } from '../../shared/domain';
import type { HubEvent, NewEvent } from '../../shared/events';
import { applyEventsTo, type IncidentDrafts } from '../../shared/reducer';
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
  const overlay = new BatchOverlay(state, view);
  const plans: PlanView = overlay;
  const touched = overlay.touched;
  const answers = new Map<string, KnownCommand>();

  const all: HubEvent[] = [];
  const records: CommandRecord[] = [];
  const settle: Array<() => void> = [];
  const afterSeq = state.seq;
  let whole = true;
  for (const pending of batch) {
    try {
      if (pending.kind === 'plan') {
        const events = overlay.numberAndStage(pending.plan(plans), pending.handsOver);
        // Loops, not push(...events): one command may touch more incidents than a call takes.
        for (const event of events) all.push(event);
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
        for (const event of overlay.numberAndStage(outcome, false)) all.push(event);
        answer = { ok: true, seq: overlay.seq };
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
    write: { events: all, commands: records, nextIncidentNumber: overlay.incidentNumber },
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

/**
 * The batch's view of the state as its plans leave it: the incidents they touched and which
 * group each one now holds open, over the folded state. A class with bound methods rather than
 * an object of closures: under tsx each named closure costs a defineProperty, six per batch.
 */
class BatchOverlay implements PlanView {
  /** Each incident the batch's plans touched, as they left it; the state's own are never changed. */
  readonly touched = new Map<string, Incident>();
  /** The open incident of each group the batch changed; null when it resolved there. */
  private readonly openByGroup = new Map<string, Incident | null>();
  /**
   * The batch's copies of the incidents it touched, shared by every plan's fold: an incident is
   * copied once a batch, not once a plan (a copy is O(its alerts), and a storm into one big
   * incident is hundreds of plans a batch). Published only when the batch is done.
   */
  private readonly drafts: IncidentDrafts = new Map();
  seq: number;
  incidentNumber: number;
  readonly leading: boolean;
  // Bound: plans may take these off the view (planIngest is handed `view.newIncidentId`).
  readonly incident: (id: string) => Incident | undefined;
  readonly openIncidentFor: (groupKey: string) => Incident | undefined;
  readonly newIncidentId: () => string;

  constructor(
    private readonly state: HubState,
    view: CommitView,
  ) {
    this.seq = state.seq;
    this.incidentNumber = view.nextIncidentNumber;
    this.leading = view.leading;
    this.incident = this.get.bind(this);
    this.openIncidentFor = this.openFor.bind(this);
    this.newIncidentId = this.nextIncidentId.bind(this);
  }

  /** The staging table applyEventsTo folds each plan onto (read through to the state). */
  get(id: string): Incident | undefined {
    return this.touched.get(id) ?? this.state.incident(id);
  }

  set(id: string, incident: Incident): void {
    this.touched.set(id, incident);
  }

  private openFor(groupKey: string): Incident | undefined {
    const overlay = this.openByGroup.get(groupKey);
    return overlay === undefined ? this.state.openIncidentFor(groupKey) : (overlay ?? undefined);
  }

  private nextIncidentId(): string {
    return `INC-${this.incidentNumber++}`;
  }

  /**
   * Numbers a plan's events and folds them onto the overlay, so the next plan sees them: one
   * fold per plan over a table that reads through to the state.
   */
  numberAndStage(planned: NewEvent[], handsOver: boolean): HubEvent[] {
    // Most of the escalation engine's plans (one per incident opened or resolved) decide nothing.
    if (planned.length === 0) return [];
    // seq goes last either way. A spread copies through V8's slow path for the many shapes
    // events come in: in a storm that copy was 3 % of the hub's busy time.
    const events = handsOver
      ? planned.map((event) => {
          (event as { seq?: number }).seq = ++this.seq;
          return event as HubEvent;
        })
      : planned.map((event) => ({ ...event, seq: ++this.seq }) as HubEvent);
    applyEventsTo(this, events, this.drafts);
    let last: string | null = null;
    for (const event of events) {
      // A plan's events mostly come in runs for one incident: each is looked at once per run.
      if (event.incidentId === last) continue;
      last = event.incidentId;
      const next = this.touched.get(event.incidentId);
      if (!next) continue;
      for (const key of groupKeysOf(next)) {
        if (next.status !== 'resolved') this.openByGroup.set(key, next);
        else if (this.openFor(key)?.id === next.id) this.openByGroup.set(key, null);
      }
    }
    return events;
  }
}
