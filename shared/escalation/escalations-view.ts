import type { SitroomConfig } from '../config/types';
import { compareForBoard, type Incident, type Severity } from '../domain';
import { onCallAt } from '../oncall/on-call';
import { levelOf, pagedBy, policyById, stepAfter } from './ladder';
import { teamsOfLevel, unreachableOf } from './reachability';

// GET /api/v1/escalations: the escalations still running — who is paged, who is next and when —
// and who is on call in every rotation. Pure, so a console holding the same config could draw it.

export interface NextPage {
  readonly level: number;
  readonly cycle: number;
  /** Who that level will page, with rotations resolved at `at`. */
  readonly userIds: ReadonlyArray<string>;
  readonly teams: ReadonlyArray<string>;
  /** Of `userIds`, those no page reaches: no webhook, no channel of a team paged with them. */
  readonly unreachableUserIds: ReadonlyArray<string>;
  /** ISO 8601. */
  readonly at: string;
}

export interface ActiveEscalation {
  readonly incidentId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly policyId: string;
  /** The level paged last, 1-based, of `levels`. */
  readonly level: number;
  readonly levels: number;
  readonly cycle: number;
  readonly pagedUserIds: ReadonlyArray<string>;
  /**
   * Of `pagedUserIds`, those the page cannot have reached: no webhook of their own and no
   * channel of a team paged with them, so no delivery is ever recorded (reachability.ts).
   */
  readonly unreachableUserIds: ReadonlyArray<string>;
  /** ISO 8601, or null before the first page. */
  readonly pagedAt: string | null;
  /** Null when the ladder has been paged to its end and only waits for an acknowledgement. */
  readonly next: NextPage | null;
}

export interface RotationOnCall {
  readonly rotationId: string;
  readonly timezone: string;
  readonly userId: string;
  /** ISO 8601; null when it began (or ends) beyond the look-ahead of a year or so. */
  readonly since: string | null;
  readonly until: string | null;
  readonly nextUserId: string | null;
}

export interface EscalationsResponse {
  readonly escalations: ReadonlyArray<ActiveEscalation>;
  readonly oncall: ReadonlyArray<RotationOnCall>;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Active escalations, most urgent incident first, and each rotation's on-call at `now`. */
export function escalationsView(
  incidents: Iterable<Incident>,
  config: SitroomConfig,
  now: number,
): EscalationsResponse {
  const escalations: ActiveEscalation[] = [];
  const active = [...incidents].filter(
    (incident) => incident.status !== 'resolved' && incident.escalation && !incident.escalation.stopped,
  );
  for (const incident of active.sort(compareForBoard)) {
    const escalation = incident.escalation;
    if (!escalation) continue;
    const policy = policyById(config, escalation.policyId);
    const step = policy && escalation.level > 0 ? stepAfter(policy, escalation) : null;
    const level = policy && step ? levelOf(policy, step.level) : null;
    const at = escalation.nextLevelAt;
    const paged = level && at !== null ? pagedBy(config, level, at) : null;
    const current = policy && escalation.level > 0 ? levelOf(policy, escalation.level) : null;
    const currentTeams = current ? teamsOfLevel(config, current) : [];
    escalations.push({
      incidentId: incident.id,
      title: incident.title,
      severity: incident.severity,
      policyId: escalation.policyId,
      level: escalation.level,
      levels: policy?.levels.length ?? escalation.level,
      cycle: escalation.cycle,
      pagedUserIds: escalation.pagedUserIds,
      unreachableUserIds: unreachableOf(config, escalation.pagedUserIds, currentTeams),
      pagedAt: iso(escalation.pagedAt),
      next:
        step && paged && at !== null
          ? {
              ...step,
              userIds: paged.userIds,
              teams: paged.teams,
              unreachableUserIds: unreachableOf(config, paged.userIds, paged.teams),
              at: new Date(at).toISOString(),
            }
          : null,
    });
  }
  const oncall = config.rotations.map((rotation): RotationOnCall => {
    const current = onCallAt(rotation, now);
    return {
      rotationId: rotation.id,
      timezone: rotation.timezone,
      userId: current.userId,
      since: iso(current.since),
      until: iso(current.until),
      nextUserId: current.nextUserId,
    };
  });
  return { escalations, oncall };
}
