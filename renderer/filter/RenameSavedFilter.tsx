import { type FormEvent, useRef, useState } from 'react';
import { Dialog } from '../dialog/Dialog';
import { KeyHint } from '../keyboard/KeyHint';
import { ChooseSavedFilter } from './ChooseSavedFilter';
import { useFilterBarStore } from './filter-bar-store';
import { MAX_FILTER_NAME, renameSavedFilter, useSavedFilters } from './saved-filters';

// Renaming a saved filter from the keyboard ("Rename a saved filter…" in the palette): which one
// (digits, or Tab and Enter), then its new name, the old one there to edit. Its filter is kept.

const close = (): void => useFilterBarStore.setState({ renaming: null });

export function RenameSavedFilter() {
  const renaming = useFilterBarStore((state) => state.renaming);
  if (renaming === null) return null;
  if (renaming.kind === 'choose')
    return (
      <ChooseSavedFilter
        title="Rename a saved filter"
        intro="Which saved filter should get a new name?"
        onChosen={(name) =>
          useFilterBarStore.setState({ renaming: name === null ? null : { kind: 'name', name } })
        }
        onClose={close}
      />
    );
  return <NewName from={renaming.name} />;
}

function NewName({ from }: { readonly from: string }) {
  const [name, setName] = useState(from);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const query = useSavedFilters((state) => state.filters.find((filter) => filter.name === from)?.query);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const refused = renameSavedFilter(from, name);
    if (refused) setProblem(refused);
    else close();
  };
  return (
    <Dialog
      title="Rename the saved filter"
      onClose={close}
      initialFocus={input}
      className="rename-filter-dialog"
    >
      <form onSubmit={submit}>
        <label className="field">
          <span className="field__label">
            New name for "{from}"{query ? ` (${query})` : ''}
          </span>
          <input
            ref={input}
            className="field__input"
            value={name}
            maxLength={MAX_FILTER_NAME}
            data-testid="filter-rename-name"
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem ? (
          <p className="filter-bar__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="dialog__buttons">
          <button type="submit" className="button button--primary">
            Rename <KeyHint chord="Enter" />
          </button>
          <button type="button" className="button" onClick={close}>
            Cancel <KeyHint chord="Escape" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
