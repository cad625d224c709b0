import { ChoiceDialog } from '../dialog/ChoiceDialog';
import { useSavedFilters } from './saved-filters';

// The first step of renaming or deleting a saved filter from the keyboard: which one (digits, or
// arrows and Enter), each shown with its filter. `onChosen` gets its name, or null if it is gone.

export function ChooseSavedFilter({
  title,
  intro,
  onChosen,
  onClose,
}: {
  readonly title: string;
  readonly intro: string;
  readonly onChosen: (name: string | null) => void;
  readonly onClose: () => void;
}) {
  const filters = useSavedFilters((state) => state.filters);
  return (
    <ChoiceDialog
      title={title}
      intro={intro}
      empty="There are no saved filters."
      choices={filters.map((filter, index) => ({
        id: String(index),
        label: filter.name,
        detail: filter.query,
      }))}
      onChoose={(id) => onChosen(filters[Number(id)]?.name ?? null)}
      onClose={onClose}
    />
  );
}
