import { memo } from 'react';
import { formatDurationBrief } from '../../shared/duration-format';
import type { BoardRow } from '../../shared/feed/board-row';
import { formatClockTime, resolvedDurationText, STATUS_TEXT } from '../format';
import { Untrusted } from '../text/Untrusted';
import { IncidentAge } from './IncidentAge';
import { rowAttributes } from './row-attributes';
import { SeverityBadge } from './SeverityBadge';

// One incident on the wall. Every string here comes from monitoring and is untrusted, so it is
// only ever rendered as a React text node.

export interface IncidentRowProps {
  readonly incident: BoardRow;
  readonly index: number;
  readonly rowCount: number;
  readonly top: number;
  readonly height: number;
  readonly selected: boolean;
  /** The row reached by Tab in this list (roving tabindex). */
  readonly tabbable: boolean;
  /** This console has actions on this incident that the hub has not confirmed yet. */
  readonly pending?: boolean;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
}

/**
 * A board row: severity, number and title, services, status, age and firing/total alerts. The row element
 * carries its place (position, stripe, aria-posinset/setsize, roving tabindex), which shifts for
 * every row below an arrival and for every row when the count changes; its cells depend only on
 * the incident, so they are a memoised child that a move does not re-render.
 */
export const IncidentRow = memo(function IncidentRow(props: IncidentRowProps) {
  const { incident, index, pending } = props;
  return (
    // Enter opens the selected row through the keymap (board context), not a handler on each row.
    <div
      {...rowAttributes(props, incident.id)}
      className="incident-row"
      data-severity={incident.severity}
      data-stripe={index % 2 === 0 ? 'even' : 'odd'}
    >
      <IncidentCells incident={incident} pending={pending === true} />
    </div>
  );
});

/** The row's cells: what the incident says, whatever its place in the list. */
const IncidentCells = memo(function IncidentCells({
  incident,
  pending,
}: {
  readonly incident: BoardRow;
  readonly pending: boolean;
}) {
  const resolvedAt = incident.status === 'resolved' ? incident.resolvedAt : null;
  const services = incident.services.join(', ');
  return (
    <>
      <span className="incident-row__severity">
        <SeverityBadge severity={incident.severity} />
      </span>
      {/* The number people say on the bridge ("INC-37"), then the title, in one column. */}
      <span className="incident-row__name">
        <span className="incident-row__id">{incident.id}</span>
        <span className="incident-row__title" title={incident.title}>
          <Untrusted text={incident.title} />
        </span>
      </span>
      <span className="incident-row__services" title={services}>
        {services ? <Untrusted text={services} /> : '—'}
      </span>
      <span className="incident-row__status">
        {resolvedAt !== null ? `Resolved ${formatClockTime(resolvedAt)}` : STATUS_TEXT[incident.status]}
        {incident.acknowledgedAt === null && resolvedAt === null ? (
          // A laptop's board says "Unack" (board.css): the word costs the title a third of its room.
          <span className="unack-marker" title="Unacknowledged">
            <span className="unack-marker__word">Unacknowledged</span>
            <span className="unack-marker__short" aria-hidden="true">
              Unack
            </span>
          </span>
        ) : null}
        {pending ? <span className="pending-marker">Pending</span> : null}
      </span>
      {resolvedAt !== null ? (
        // A resolved incident's age stops at its resolution: how long the outage lasted.
        <span className="incident-row__age" title={resolvedDurationText(incident.openedAt, resolvedAt)}>
          {formatDurationBrief(resolvedAt - incident.openedAt)}
        </span>
      ) : (
        <span className="incident-row__age">
          <IncidentAge openedAt={incident.openedAt} />
        </span>
      )}
      <span className="incident-row__alerts">
        <strong>{incident.firingCount}</strong>/{incident.alertCount} firing
      </span>
    </>
  );
});
