import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Person } from '../../shared/api';
import { Dialog } from '../dialog/Dialog';
import { KeyHint } from '../keyboard/KeyHint';
import type { KeyBinding } from '../keyboard/keymap';
import { PaletteResults } from './PaletteResults';
import type { PaletteItem } from './palette-items';
import { rankPalette } from './rank-palette';
import { usePaletteItems } from './use-palette-items';

/**
 * The command palette: a combobox over grouped results. Focus stays in the text field; the
 * highlighted result is tracked by id (aria-activedescendant), so results that move as incidents
 * come and go keep it highlighted. Esc closes and the Dialog gives focus back where it was.
 */
export function CommandPalette({ onClose }: { readonly onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<Person | null>(null);
  // The result moved to with the arrows; null means the top one.
  const [activeId, setActiveId] = useState<string | null>(null);
  // The result highlighted on screen, even the top one by default: an incident arriving that
  // ranks above it must not take over the Enter the operator is about to press. A ref, not
  // state: remembering what was drawn must not cost another render.
  const shown = useRef<string | null>(null);
  const results = rankPalette(usePaletteItems(person), query);
  // If the one moved to went away (resolved, merged), the highlight stays on what was drawn.
  const indexOf = (id: string | null): number =>
    id === null ? -1 : results.items.findIndex((item) => item.id === id);
  const found = indexOf(activeId) === -1 ? indexOf(shown.current) : indexOf(activeId);
  const activeIndex = found === -1 ? 0 : found;
  const active: PaletteItem | undefined = results.items[activeIndex];
  const optionId = (index: number): string => `${listId}-option-${index}`;
  useLayoutEffect(() => {
    shown.current = active?.id ?? null;
  });

  // Scrolls the list (never focus) to a result the arrows moved to. Only then: scrolling forces
  // a layout, which opening the palette or typing should not pay for.
  const reveal = useRef(false);
  useLayoutEffect(() => {
    if (!reveal.current) return;
    reveal.current = false;
    document.getElementById(`${listId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  });

  const move = (step: number): void => {
    const count = results.items.length;
    if (count === 0) return;
    const next = results.items[(activeIndex + step + count) % count];
    if (!next) return;
    reveal.current = true;
    setActiveId(next.id);
  };
  const choose = (item: PaletteItem | undefined): void => {
    if (!item || item.disabledReason) return;
    if (item.choice.kind === 'person') {
      setPerson(item.choice.person);
      setQuery('');
      setActiveId(null);
      shown.current = null;
      return;
    }
    // Closing first: whatever the choice opens (a dialog, another incident) takes focus after
    // the palette has given it back.
    onClose();
    item.choice.run();
  };
  const keys: ReadonlyArray<KeyBinding> = [
    { keys: ['ArrowDown'], description: 'Next result', run: () => move(1), whileTyping: true, repeat: true },
    {
      keys: ['ArrowUp'],
      description: 'Previous result',
      run: () => move(-1),
      whileTyping: true,
      repeat: true,
    },
    { keys: ['Enter'], description: 'Choose', run: () => choose(active), whileTyping: true },
  ];

  return (
    <Dialog
      title={person ? `What to do with ${person.name}?` : 'Search Sitroom'}
      onClose={onClose}
      keys={keys}
      initialFocus={input}
      className="command-palette"
    >
      <input
        ref={input}
        className="field__input command-palette__input"
        role="combobox"
        aria-label={
          person ? `Actions for ${person.name}` : 'Search incidents, actions, services, people and views'
        }
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={person ? 'Make commander or add as responder…' : 'Type to search…'}
        value={query}
        onChange={(event) => {
          // A new query starts from its best result.
          setQuery(event.target.value);
          setActiveId(null);
          shown.current = null;
        }}
      />
      <PaletteResults
        id={listId}
        results={results}
        activeIndex={activeIndex}
        optionId={optionId}
        onChoose={choose}
      />
      {results.items.length === 0 ? (
        <p className="command-palette__empty">Nothing matches “{query}”.</p>
      ) : null}
      <p className="command-palette__hint">
        <KeyHint chord="ArrowUp" /> <KeyHint chord="ArrowDown" /> move · <KeyHint chord="Enter" /> choose ·{' '}
        <KeyHint chord="Escape" /> close
      </p>
    </Dialog>
  );
}
