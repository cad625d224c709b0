import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { KeyHint } from '../keyboard/KeyHint';
import { useFilterBarStore } from './filter-bar-store';
import { commitFilter, useFilterStore } from './filter-store';
import { MAX_FILTER_NAME, savedFilterNamed, saveFilter } from './saved-filters';

/**
 * A name for the filter on the board; Enter saves it, Esc goes back to the bar. A name already
 * saved with another filter is replaced only on a second Enter: there is no undo, and deleting
 * one asks first too.
 */
export function SaveFilterForm({ onDone }: { readonly onDone: () => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The name the operator was told is taken; Enter on it again replaces that filter.
  const [replacing, setReplacing] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const close = (): void => {
    useFilterBarStore.setState({ naming: false });
    onDone();
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const query = useFilterStore.getState().applied;
    const taken = savedFilterNamed(name);
    if (taken && taken.query !== query && replacing !== taken.name) {
      setReplacing(taken.name);
      setProblem(`"${taken.name}" is saved as ${taken.query}. Enter again replaces it.`);
      return;
    }
    const refused = saveFilter(name, query);
    if (refused) setProblem(refused);
    else {
      commitFilter();
      close();
    }
  };
  return (
    <form className="filter-bar__save" onSubmit={submit}>
      <label className="filter-bar__save-label">
        <span>Save filter as</span>
        <input
          ref={ref}
          className="field__input"
          value={name}
          maxLength={MAX_FILTER_NAME}
          data-testid="filter-save-name"
          onChange={(event) => {
            setName(event.target.value);
            setReplacing(null);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        />
      </label>
      <button type="submit" className="button">
        Save <KeyHint chord="Enter" />
      </button>
      {problem ? (
        <span className="filter-bar__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  );
}
