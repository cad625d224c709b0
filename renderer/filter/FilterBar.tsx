import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { completeFilter, labelQuestionAt } from '../../shared/filter/complete-filter';
import { MAX_FILTER_LENGTH } from '../../shared/filter/filter-query';
import { KeyHint } from '../keyboard/KeyHint';
import { useCatalogStore } from '../map/catalog-store';
import { boardNavigationOrder } from '../state/board-hooks';
import { useBoardStore } from '../state/board-store';
import { useSelectionStore } from '../state/selection-store';
import { DeleteSavedFilter } from './DeleteSavedFilter';
import { FilterCompletions } from './FilterCompletions';
import { FilterError } from './FilterError';
import { knownValuesOf, lazyServices } from './feed-filter';
import { askAboutLabels, FILTER_INPUT_ID, startSavingFilter, useFilterBarStore } from './filter-bar-store';
import { chooseFilter, commitFilter, revertFilter, typeFilter, useFilterStore } from './filter-store';
import { RenameSavedFilter } from './RenameSavedFilter';
import { SaveFilterForm } from './SaveFilterForm';

// The filter bar over the board (docs/filters.md). "/" comes here; the board answers as the
// operator types; Enter keeps the filter (in the address too) and goes back to the board, Esc
// goes back to the filter kept before. Either way the selected row is the one selected before.

/** How long the bar waits for the board to show the filter before giving up on refocusing. */
const REFOCUS_WAIT_MS = 3000;

/**
 * Back to the board: out of the bar, and the selected row focused again once the board shows
 * the filter now applied (its rows come from the host a frame or so later; focusing before
 * would find the row of the filter before, or none).
 */
function backToBoard(input: HTMLInputElement | null): void {
  input?.blur();
  const applied = useFilterStore.getState().applied;
  const expected = applied.trim() === '' ? null : applied;
  const refocus = (): boolean => {
    if (useBoardStore.getState().scope.filter !== expected) return false;
    // After the frame that paints it: a list that was empty mounts then, and only a list that is
    // mounted takes a focus request.
    requestAnimationFrame(() => {
      // Back in the bar (or anywhere else) by now: the operator has moved on, leave them there.
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      const { selectedId, select } = useSelectionStore.getState();
      if (selectedId !== null && boardNavigationOrder().includes(selectedId))
        select(selectedId, { focus: true });
    });
    return true;
  };
  if (refocus()) return;
  const stop = useBoardStore.subscribe(() => {
    if (refocus()) done();
  });
  const timer = setTimeout(() => done(), REFOCUS_WAIT_MS);
  const done = (): void => {
    stop();
    clearTimeout(timer);
  };
}

export function FilterBar() {
  const draft = useFilterStore((state) => state.draft);
  const error = useFilterStore((state) => state.error);
  const applied = useFilterStore((state) => state.applied);
  const naming = useFilterBarStore((state) => state.naming);
  const graph = useCatalogStore((state) => state.graph);
  const labels = useBoardStore((state) => state.labels);
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  // `service:` also completes the services on the page's rows (shown and held), read from the
  // store only when a `service:` value is completed, and walked once per rows' identity: the bar
  // does not subscribe to the rows, so a storm does not re-render it every frame.
  const catalogValues = useMemo(() => knownValuesOf(graph), [graph]);
  const services = useMemo(
    () =>
      lazyServices(catalogValues.services, () => {
        const { rows, held } = useBoardStore.getState();
        return [rows, held];
      }),
    [catalogValues],
  );
  const known = useMemo(
    () => ({
      teams: catalogValues.teams,
      labels,
      get services() {
        return services();
      },
    }),
    [catalogValues, labels, services],
  );
  const [cursor, setCursor] = useState(0);
  const [highlighted, setHighlighted] = useState(-1);
  const [caret, setCaret] = useState<number | null>(null);
  const completion = focused ? completeFilter(draft, cursor, known) : null;
  const options = completion?.options ?? [];

  // In a `label:` or `team:` term the host is asked for the names or values on the incidents it
  // holds (the rows here carry no alerts); the answer comes back as a patch and completes on the
  // next render.
  const question = focused ? labelQuestionAt(draft, cursor) : null;
  const questionLabel = question?.label;
  const questionPrefix = question?.prefix;
  useEffect(() => {
    askAboutLabels(
      questionPrefix === undefined ? null : { label: questionLabel ?? null, prefix: questionPrefix },
    );
  }, [questionLabel, questionPrefix]);

  // After a completion is taken, the caret goes after what was inserted.
  useLayoutEffect(() => {
    if (caret === null || !input.current) return;
    input.current.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret]);

  const accept = (option: string): void => {
    if (!completion) return;
    const text = draft.slice(0, completion.from) + option + draft.slice(completion.to);
    const at = completion.from + option.length;
    typeFilter(text);
    setCursor(at);
    setCaret(at);
    setHighlighted(-1);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const key = event.key;
    if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      revertFilter();
      backToBoard(input.current);
    } else if (key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      const option = options[highlighted];
      if (option !== undefined) accept(option);
      else if (error === null) {
        commitFilter();
        backToBoard(input.current);
      }
    } else if (key === 'Tab' && !event.shiftKey && options.length > 0) {
      event.preventDefault();
      accept(options[Math.max(highlighted, 0)] as string);
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && options.length > 0) {
      event.preventDefault();
      // -1 is the text itself: the highlight goes round through it.
      if (key === 'ArrowDown') setHighlighted(highlighted + 1 >= options.length ? -1 : highlighted + 1);
      else setHighlighted(highlighted - 1 < -1 ? options.length - 1 : highlighted - 1);
    }
  };

  const listId = `${FILTER_INPUT_ID}-completions`;
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <div className="filter-bar__row">
        <label className="filter-bar__label" htmlFor={FILTER_INPUT_ID}>
          Filter <KeyHint chord="/" />
        </label>
        <div className="filter-bar__field">
          <input
            ref={input}
            id={FILTER_INPUT_ID}
            className="field__input filter-bar__input"
            value={draft}
            maxLength={MAX_FILTER_LENGTH}
            spellCheck={false}
            autoComplete="off"
            placeholder="sev:critical,major team:payments service:checkout-* label:region=eu-west -acked"
            aria-invalid={error !== null}
            aria-keyshortcuts="/"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-activedescendant={highlighted >= 0 ? `${listId}-${highlighted}` : undefined}
            onFocus={() => setFocused(true)}
            onBlur={() => {
              setFocused(false);
              setHighlighted(-1);
            }}
            onChange={(event) => {
              typeFilter(event.target.value);
              setCursor(event.target.selectionStart ?? event.target.value.length);
              setHighlighted(-1);
            }}
            onSelect={(event) => setCursor(event.currentTarget.selectionStart ?? 0)}
            onKeyDown={onKeyDown}
          />
          <FilterCompletions id={listId} options={options} highlighted={highlighted} onChoose={accept} />
        </div>
        {applied !== '' || draft !== '' ? (
          <button type="button" className="button" onClick={() => chooseFilter('')}>
            Clear
          </button>
        ) : null}
        {naming ? (
          <SaveFilterForm onDone={() => backToBoard(null)} />
        ) : (
          <button type="button" className="button" disabled={applied === ''} onClick={startSavingFilter}>
            Save…
          </button>
        )}
      </div>
      {error ? <FilterError text={draft} error={error} applied={applied} /> : null}
      <DeleteSavedFilter />
      <RenameSavedFilter />
    </div>
  );
}
