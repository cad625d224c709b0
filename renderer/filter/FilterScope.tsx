import { useActiveIncidents } from '../state/board-hooks';
import { useBoardStore } from '../state/board-store';

/** "12 of 340 open shown" while a filter narrows the board: the header never hides that it does. */
export function FilterScope() {
  const filter = useBoardStore((state) => state.scope.filter);
  const openTotal = useBoardStore((state) => state.scope.openTotal);
  const shown = useActiveIncidents().length;
  if (filter === null) return null;
  return (
    <p className="filter-scope" data-testid="filter-scope" data-filter={filter} title={`Filter: ${filter}`}>
      <strong>{shown}</strong> of {openTotal} open shown
      <span className="filter-scope__query"> · {filter}</span>
    </p>
  );
}
