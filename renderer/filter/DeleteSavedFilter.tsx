import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { ChooseSavedFilter } from './ChooseSavedFilter';
import { useFilterBarStore } from './filter-bar-store';
import { deleteSavedFilter, useSavedFilters } from './saved-filters';

// Deleting a saved filter from the keyboard ("Delete a saved filter…" in the palette): which one
// (digits or arrows and Enter), then a confirmation naming it, since there is no undo.

const close = (): void => useFilterBarStore.setState({ deleting: null });

export function DeleteSavedFilter() {
  const deleting = useFilterBarStore((state) => state.deleting);
  const filters = useSavedFilters((state) => state.filters);
  if (deleting === null) return null;
  if (deleting.kind === 'choose')
    return (
      <ChooseSavedFilter
        title="Delete a saved filter"
        intro="Which saved filter should this console forget?"
        onChosen={(name) =>
          useFilterBarStore.setState({ deleting: name === null ? null : { kind: 'confirm', name } })
        }
        onClose={close}
      />
    );
  const query = filters.find((filter) => filter.name === deleting.name)?.query ?? '';
  return (
    <ConfirmDialog
      title="Delete the saved filter?"
      message={`"${deleting.name}" (${query}) will be gone from this console's saved filters. The board keeps the filter it shows now.`}
      confirmLabel="Delete"
      onConfirm={() => {
        deleteSavedFilter(deleting.name);
        close();
      }}
      onClose={close}
    />
  );
}
