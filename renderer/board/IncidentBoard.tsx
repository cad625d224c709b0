import { useMemo } from 'react';
import { knownValuesOf } from '../filter/feed-filter';
import { teamsNotInCatalog } from '../filter/unknown-teams';
import { useCatalogStore } from '../map/catalog-store';
import { useActiveIncidents, useRecentlyResolved } from '../state/board-hooks';
import { useBoardStore } from '../state/board-store';
import { useIsWall } from '../wall/wall-store';
import { IncidentList } from './IncidentList';

/** The open incidents, most urgent first, and below them the last hour's resolved ones, dimmed. */
export function IncidentBoard() {
  const active = useActiveIncidents();
  const resolved = useRecentlyResolved();
  const filter = useBoardStore((state) => state.scope.filter);
  const openTotal = useBoardStore((state) => state.scope.openTotal);
  const isWall = useIsWall();
  return (
    <div className="incident-board">
      <section className="incident-board__active" aria-labelledby="active-heading">
        <ColumnHeadings id="active-heading" title={`Open incidents (${active.length})`} />
        {active.length > 0 ? (
          <IncidentList
            incidents={active}
            label="Open incidents"
            testId="active-incidents"
            countBelow={isWall ? 'open' : null}
          />
        ) : (
          <NoneShown filter={filter} openTotal={openTotal} />
        )}
      </section>
      {resolved.length > 0 ? (
        <section className="incident-board__resolved" aria-labelledby="resolved-heading">
          <h2 id="resolved-heading" className="incident-board__section-title">
            Resolved in the last hour ({resolved.length})
          </h2>
          <IncidentList
            incidents={resolved}
            label="Resolved in the last hour"
            testId="resolved-incidents"
            countBelow={isWall ? 'resolved' : null}
          />
        </section>
      ) : null}
    </div>
  );
}

/**
 * An empty board. Green "all clear" only when nothing is open anywhere: a filter that hides open
 * incidents (a team's wall, a typo in a team's name) says how many it hides, in plain colours, so
 * nobody across the room reads it as a quiet night.
 */
function NoneShown({ filter, openTotal }: { readonly filter: string | null; readonly openTotal: number }) {
  const graph = useCatalogStore((state) => state.graph);
  const unknown = useMemo(
    () => (filter === null ? [] : teamsNotInCatalog(filter, knownValuesOf(graph).teams)),
    [filter, graph],
  );
  if (filter === null || openTotal === 0)
    return (
      <p className="incident-board__all-clear" data-testid="board-none-shown">
        All clear — no open incidents.
      </p>
    );
  return (
    <p className="incident-board__none-shown" data-testid="board-none-shown">
      No open incident matches the filter;{' '}
      {openTotal === 1 ? '1 open incident is hidden by it.' : `${openTotal} open incidents are hidden by it.`}
      {unknown.length > 0 ? (
        <span className="incident-board__unknown-teams" data-testid="board-unknown-teams">
          {' '}
          No team in the catalog is called {unknown.map((team) => `"${team}"`).join(' or ')}.
        </span>
      ) : null}
    </p>
  );
}

/** The section title and the column names, laid out on the same grid as the rows. */
function ColumnHeadings({ id, title }: { readonly id: string; readonly title: string }) {
  return (
    <div className="incident-columns">
      <h2 id={id} className="incident-board__section-title">
        {title}
      </h2>
      <div className="incident-columns__names" aria-hidden="true">
        <span>Severity</span>
        <span>Incident</span>
        <span>Services</span>
        <span>Status</span>
        <span>Age</span>
        <span>Alerts</span>
      </div>
    </div>
  );
}
