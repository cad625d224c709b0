import type { BoardRow } from '../../shared/feed/board-row';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';
import { SeverityBadge } from '../board/SeverityBadge';
import { ChangeItem } from '../incident/ChangesPanel';
import { Untrusted } from '../text/Untrusted';
import { blastRadius, type MapHighlights } from './highlight';
import { healthLabel } from './MapCanvas';
import { useServiceChanges } from './use-service-changes';

// What the room needs to know about the selected service: what is open on it, who owns it, the
// failing things it needs (the likely cause), what changed on it lately (deploys, config, flags)
// and everything that needs it (the blast radius).

const BLAST_SHOWN = 40;

export interface ServicePanelProps {
  readonly graph: CatalogGraph;
  readonly serviceId: string;
  readonly highlights: MapHighlights;
  readonly incidents: ReadonlyMap<string, BoardRow>;
  readonly onOpenIncident: (incidentId: string) => void;
  /** False on a wall: nobody presses keys there, so a key named is noise to the room. */
  readonly keyHints: boolean;
}

export function ServicePanel({
  graph,
  serviceId,
  highlights,
  incidents,
  onOpenIncident,
  keyHints,
}: ServicePanelProps) {
  const node = graph.node(serviceId);
  const team = node.team === null ? undefined : graph.team(node.team);
  const health = highlights.health.get(serviceId) ?? 'ok';
  const open = highlights.openIncidents.get(serviceId) ?? [];
  const causes = highlights.impactedBy.get(serviceId) ?? [];
  const blast = blastRadius(graph, serviceId);
  const name = (id: string): string => graph.node(id).name;
  const changes = useServiceChanges(serviceId);

  return (
    <aside className="map-panel" aria-labelledby="map-panel-heading" data-testid="map-panel">
      <h3 id="map-panel-heading" className="map-panel__title">
        <Untrusted text={node.name} />{' '}
        <span className={`map-health map-health--${health}`}>{healthLabel(health)}</span>
      </h3>
      <p className="map-panel__meta">
        Team {team?.name ?? node.team ?? 'unknown'}
        {node.tier === null ? '' : ` · tier ${node.tier}`}
        {node.inCatalog ? '' : ' · not in the catalog'}
      </p>
      <h4 className="map-panel__heading">Open incidents</h4>
      {open.length === 0 ? (
        <p className="map-panel__none">None.</p>
      ) : (
        <ul className="map-panel__list map-panel__list--incidents" data-testid="map-panel-incidents">
          {open.map((id, i) => {
            const incident = incidents.get(id);
            // Severity, number and key on one line, the title under them at the panel's width:
            // side by side, a long alert name was squeezed to a word per line.
            return (
              <li key={id}>
                <button
                  type="button"
                  className="button button--quiet map-panel__incident"
                  onClick={() => onOpenIncident(id)}
                >
                  <span className="map-panel__incident-head">
                    {incident ? <SeverityBadge severity={incident.severity} /> : null}{' '}
                    <span className="map-panel__incident-id">{id}</span>{' '}
                    {i === 0 && keyHints ? <kbd className="map-panel__key">Enter</kbd> : null}
                  </span>
                  <span className="map-panel__incident-title">
                    <Untrusted text={incident?.title ?? ''} />
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h4 className="map-panel__heading">Likely cause</h4>
      {causes.length === 0 ? (
        <p className="map-panel__none">Nothing it depends on is failing.</p>
      ) : (
        <ul className="map-panel__list" data-testid="map-panel-causes">
          {causes.map((id) => (
            <li key={id}>
              <Untrusted text={name(id)} />{' '}
              <span className="map-panel__dim">{healthLabel(highlights.health.get(id) ?? 'ok')}</span>
            </li>
          ))}
        </ul>
      )}
      <h4 className="map-panel__heading">Recent changes ({changes.changes.length})</h4>
      {changes.changes.length === 0 ? (
        <p className="map-panel__none">
          {changes.status === 'failed'
            ? `Could not load its changes: ${changes.message ?? 'unknown error'}`
            : changes.status === 'loading'
              ? 'Looking for changes…'
              : 'No deploys, config changes or flags in the last day.'}
        </p>
      ) : (
        <ul className="map-panel__list changes-panel__list" data-testid="map-panel-changes">
          {changes.changes.map((change) => (
            <ChangeItem key={change.id} change={change} />
          ))}
        </ul>
      )}
      <h4 className="map-panel__heading">Blast radius ({blast.length})</h4>
      {blast.length === 0 ? (
        <p className="map-panel__none">Nothing depends on it.</p>
      ) : (
        <ul className="map-panel__list" data-testid="map-panel-blast">
          {blast.slice(0, BLAST_SHOWN).map((entry) => (
            <li key={entry.id}>
              <Untrusted text={name(entry.id)} />{' '}
              <span className="map-panel__dim">
                {entry.distance} hop{entry.distance === 1 ? '' : 's'}
              </span>
            </li>
          ))}
          {blast.length > BLAST_SHOWN ? (
            <li className="map-panel__dim">and {blast.length - BLAST_SHOWN} more</li>
          ) : null}
        </ul>
      )}
    </aside>
  );
}
