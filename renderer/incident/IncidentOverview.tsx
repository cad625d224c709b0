import { actorLabel, type DisplayNames, personLabel } from '../../shared/export/describe-event';
import type { RowLike } from '../../shared/feed/board-row';
import { IncidentAge } from '../board/IncidentAge';
import { SeverityBadge } from '../board/SeverityBadge';
import { resolvedDurationText, STATUS_TEXT } from '../format';
import { openIncident } from '../state/view-store';
import { Untrusted } from '../text/Untrusted';
import { formatZonedClockTime } from '../time-zone';

/**
 * The incident at a glance: severity, status, who acknowledged, who leads, who helps, how long.
 * Its clock times name their zone: the commander reads them out on a bridge that spans zones and
 * sets them beside an export, which is in UTC unless asked otherwise.
 */
export function IncidentOverview({
  incident,
  names,
}: {
  readonly incident: RowLike;
  readonly names: DisplayNames;
}) {
  const resolved = incident.status === 'resolved' && incident.resolvedAt !== null;
  const people = (ids: ReadonlyArray<string>): string => ids.map((id) => personLabel(id, names)).join(', ');
  return (
    <div className="incident-overview">
      <div className="incident-overview__status">
        <SeverityBadge severity={incident.severity} />
        <span className="incident-overview__state" data-testid="incident-status">
          {STATUS_TEXT[incident.status]}
        </span>
        {incident.acknowledgedAt !== null ? (
          <span className="incident-overview__ack" data-testid="incident-ack">
            Acknowledged
            {incident.acknowledgedBy ? ` by ${actorLabel(incident.acknowledgedBy, names)}` : ''} at{' '}
            {formatZonedClockTime(incident.acknowledgedAt)}
          </span>
        ) : resolved ? (
          <span className="incident-overview__never-ack" data-testid="incident-ack">
            Never acknowledged
          </span>
        ) : (
          <span className="unack-marker" data-testid="incident-ack">
            Unacknowledged
          </span>
        )}
        <span className="incident-overview__age">
          {resolved ? (
            resolvedDurationText(incident.openedAt, incident.resolvedAt ?? 0)
          ) : (
            <>
              open for <IncidentAge openedAt={incident.openedAt} />
            </>
          )}
        </span>
      </div>
      {incident.mergedInto ? (
        <p className="incident-overview__merged">
          Merged into{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => openIncident(incident.mergedInto ?? '')}
          >
            {incident.mergedInto}
          </button>
        </p>
      ) : null}
      {/* Each label and its value are one item: a long value (a service name with no spaces)
          wraps inside its own item instead of going to a line of its own, away from its label,
          and pushing the next label's value onto the line after. */}
      <dl className="facts">
        <div className="facts__fact">
          <dt>Commander</dt>
          <dd data-testid="incident-commander">
            {incident.commander ? personLabel(incident.commander, names) : 'Nobody yet'}
          </dd>
        </div>
        <div className="facts__fact">
          <dt>Responders</dt>
          <dd data-testid="incident-responders">
            {incident.responders.length > 0 ? people(incident.responders) : 'None'}
          </dd>
        </div>
        <div className="facts__fact">
          <dt>Services</dt>
          <dd>{incident.services.length > 0 ? <Untrusted text={incident.services.join(', ')} /> : '—'}</dd>
        </div>
        <div className="facts__fact">
          <dt>Opened</dt>
          <dd>{formatZonedClockTime(incident.openedAt)}</dd>
        </div>
        {resolved ? (
          <div className="facts__fact">
            <dt>Resolved</dt>
            <dd>
              {formatZonedClockTime(incident.resolvedAt ?? 0)}
              {incident.resolvedBy ? ` by ${actorLabel(incident.resolvedBy, names)}` : ''}
            </dd>
          </div>
        ) : null}
        <div className="facts__fact">
          <dt>Alerts</dt>
          <dd>
            {incident.firingCount} firing of {incident.alertCount}
          </dd>
        </div>
      </dl>
    </div>
  );
}
