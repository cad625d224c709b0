import { useMemo } from 'react';
import type { RowLike } from '../../shared/feed/board-row';
import { incidentImpact } from '../../shared/impact/incident-impact';
import { formatClockTime } from '../format';
import { useCommandKeys } from '../keyboard/keymap-prefs';
import { useCatalogGraph } from '../map/catalog-store';

// The incident's blast radius from the catalog: what suffers downstream and which teams own it,
// and whether notify_impacted has told them. Recomputed locally on every change to the incident,
// so a notify from another console shows here as soon as its event arrives.

const SERVICES_SHOWN = 30;

/** Affected downstream services and teams; the notify action itself is in the action bar. */
export function ImpactPanel({ incident }: { readonly incident: RowLike }) {
  const { graph, failure } = useCatalogGraph();
  const impact = useMemo(() => (graph === null ? null : incidentImpact(graph, incident)), [graph, incident]);
  const notifyKey = useCommandKeys('incident.notify_impacted')[0];

  return (
    <section className="panel impact-panel" aria-labelledby="impact-heading" data-testid="impact-panel">
      <h3 id="impact-heading" className="panel__title">
        Impact ({impact?.services.length ?? 0} downstream)
      </h3>
      {failure !== null ? (
        <p className="panel__empty">Could not load the service catalog: {failure}</p>
      ) : null}
      {impact === null ? null : impact.services.length === 0 ? (
        <p className="panel__empty">
          Nothing in the catalog depends on {incident.services.join(', ') || 'its services'}.
        </p>
      ) : (
        <table className="impact-panel__table" data-testid="impact-services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Team</th>
              <th scope="col">Tier</th>
              <th scope="col">Hops</th>
            </tr>
          </thead>
          <tbody>
            {impact.services.slice(0, SERVICES_SHOWN).map((service) => (
              <tr key={service.id} data-service-id={service.id}>
                <td>{service.name}</td>
                <td>{service.team === null ? '—' : (graph?.team(service.team)?.name ?? service.team)}</td>
                <td>{service.tier ?? '—'}</td>
                <td>{service.distance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {impact !== null && impact.services.length > SERVICES_SHOWN ? (
        <p className="panel__empty">and {impact.services.length - SERVICES_SHOWN} more</p>
      ) : null}
      {impact !== null && impact.teams.length > 0 ? (
        <>
          <h4 className="impact-panel__subtitle">
            Teams{notifyKey ? ` — press ${notifyKey} to notify them` : ''}
          </h4>
          <ul className="impact-panel__teams" data-testid="impact-teams">
            {impact.teams.map((team) => (
              <li key={team.id} data-team-id={team.id} data-notified={team.notified ? 'true' : 'false'}>
                {team.name}
                {team.owner ? ' (owner)' : ''}:{' '}
                {team.notifiedAt === null
                  ? 'not notified'
                  : `notified at ${formatClockTime(team.notifiedAt)}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
