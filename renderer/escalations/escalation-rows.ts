import { compareForBoard, type IncidentEscalation } from '../../shared/domain';
import type { EscalationsResponse, NextPage } from '../../shared/escalation/escalations-view';
import type { BoardRow } from '../../shared/feed/board-row';
import { escalationRuns } from '../../shared/feed/board-tally';
import { memoizeLast } from '../state/board-selectors';

// The escalation view's rows. Level, pages and deadline come from the replica (every console
// folds escalation_* events into Incident.escalation), so they change the instant an event
// lands; only "who is next" and the ladder's length need the hub's config, from its REST answer.

/** An incident whose escalation still runs, with its escalation (never null here). */
export interface RunningEscalation {
  readonly incident: BoardRow;
  readonly escalation: IncidentEscalation;
}

export interface EscalationRow extends RunningEscalation {
  /** Levels in the policy, once the hub's answer has named it. */
  readonly levels: number | null;
  /**
   * Who the next level pages: null when nothing follows, undefined while the hub's answer
   * predates the last page (a refresh is on its way).
   */
  readonly next: NextPage | null | undefined;
  /**
   * Of the people paged now, those no page reaches (no contact configured), once the hub's
   * answer is about this page; empty until then.
   */
  readonly unreachableUserIds: ReadonlyArray<string>;
}

/** Open incidents whose escalation has not stopped, most urgent first (the board's order). */
export function runningEscalations(incidents: ReadonlyArray<BoardRow>): ReadonlyArray<RunningEscalation> {
  const running: RunningEscalation[] = [];
  // The same test as the header tab's count (board-tally.ts), so the two always agree.
  for (const incident of incidents) {
    const escalation = incident.escalation;
    if (escalation && escalationRuns(incident)) running.push({ incident, escalation });
  }
  return running.sort((a, b) => compareForBoard(a.incident, b.incident));
}

export const selectRunningEscalations = memoizeLast(runningEscalations);

/** Joins the live escalations with the hub's answer about them. */
export function escalationRows(
  running: ReadonlyArray<RunningEscalation>,
  answer: EscalationsResponse | null,
): ReadonlyArray<EscalationRow> {
  const answered = new Map((answer?.escalations ?? []).map((entry) => [entry.incidentId, entry]));
  const levelsByPolicy = new Map((answer?.escalations ?? []).map((entry) => [entry.policyId, entry.levels]));
  return running.map(({ incident, escalation }) => {
    const entry = answered.get(incident.id);
    const current =
      entry !== undefined &&
      entry.policyId === escalation.policyId &&
      entry.level === escalation.level &&
      entry.cycle === escalation.cycle;
    return {
      incident,
      escalation,
      levels: levelsByPolicy.get(escalation.policyId) ?? null,
      next: current ? entry.next : undefined,
      unreachableUserIds: current ? entry.unreachableUserIds : [],
    };
  });
}

/**
 * A string that changes whenever any escalation starts, pages a level or stops: the cue to ask
 * the hub again for who is next. Memoised on the map, so it costs one pass per board change.
 */
export const escalationSignature = memoizeLast((incidents: ReadonlyArray<BoardRow>): string => {
  const parts: string[] = [];
  for (const incident of incidents) {
    const e = incident.escalation;
    if (!e) continue;
    parts.push(`${incident.id}:${incident.status}:${e.policyId}:${e.level}:${e.cycle}:${e.stopped}`);
  }
  return parts.sort().join('|');
});
