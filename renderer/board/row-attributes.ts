import type { IncidentRowProps } from './IncidentRow';

/**
 * What every board row carries, drawn or damaged: its place in the listbox, its roving tabindex,
 * its id for the keymap and tests, and the pointer handlers that select (focus) and open it.
 */
export function rowAttributes(props: IncidentRowProps, id: string) {
  const { index, rowCount, top, height, selected, tabbable, onSelect, onOpen } = props;
  return {
    role: 'option',
    'aria-selected': selected,
    'aria-posinset': index + 1,
    'aria-setsize': rowCount,
    tabIndex: tabbable ? 0 : -1,
    'data-incident-id': id,
    // Placed by a transform rather than by top: in a storm every row below an arrival moves each
    // frame, and moving rows by transform cost the page less (docs/performance.md, "Cheaper frames").
    style: { transform: `translateY(${top}px)`, height },
    // A click focuses the row too, so focus is the one way a row gets selected by pointer or Tab.
    onFocus: () => onSelect(id),
    onClick: () => onOpen(id),
  } as const;
}
