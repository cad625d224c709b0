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
  const { alerts: _alerts, absorbedGroupKeys: _absorbed, ...row } = incident;
  const made: BoardRow = { ...row, pending };
  if (!pending) rows.set(incident, made);
  return made;
}
