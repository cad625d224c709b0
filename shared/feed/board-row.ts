import type { Incident } from '../domain';

// What the board, the header, the wall, the map and the palette need of an incident: everything
// but its alerts. A storm's incidents can hold hundreds of alerts each; only the incident on
// screen travels whole (a `focus` patch), so a row costs the same however many alerts it has.

export interface BoardRow extends Omit<Incident, 'alerts' | 'absorbedGroupKeys'> {
  /** This console has actions on the incident that the hub has not confirmed yet. */
  readonly pending: boolean;
}

/** Whatever has a board row's fields: a row, or a whole incident. */
export type RowLike = Omit<BoardRow, 'pending'>;

const rows = new WeakMap<Incident, BoardRow>();

/**
 * The row of an incident. Incidents are never mutated once published (shared/reducer.ts), so a
 * row is made once per incident value and the same object is sent again while it is unchanged.
 */
export function boardRowOf(incident: Incident, pending: boolean): BoardRow {
  if (!pending) {
    const known = rows.get(incident);
    if (known) return known;
  }
  const made = rowOf(incident, pending);
  if (!pending) rows.set(incident, made);
  return made;
}

/**
 * Every field but the alerts, written out. A rest-and-spread copy (`{ ...rest, pending }`) made
 * rows that V8 keeps as hash tables: sorting 10,000 of them took four times as long as sorting
 * the incidents, which a board filter does on every keystroke that widens the board.
 */
function rowOf(incident: Incident, pending: boolean): BoardRow {
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    source: incident.source,
    groupKey: incident.groupKey,
    services: incident.services,
    alertCount: incident.alertCount,
    firingCount: incident.firingCount,
    openedAt: incident.openedAt,
    acknowledgedAt: incident.acknowledgedAt,
    acknowledgedBy: incident.acknowledgedBy,
    resolvedAt: incident.resolvedAt,
    resolvedBy: incident.resolvedBy,
    commander: incident.commander,
    responders: incident.responders,
    runbookStepsDone: incident.runbookStepsDone,
    mergedInto: incident.mergedInto,
    humanInvolved: incident.humanInvolved,
    notifiedTeams: incident.notifiedTeams,
    escalation: incident.escalation ?? null,
    updatedSeq: incident.updatedSeq,
    pending,
  } satisfies Required<BoardRow>;
}
