import type { IncidentRowProps } from './IncidentRow';

/**
 * A board row whose incident could not be drawn: it keeps its place, its id and its keyboard
 * behaviour (select, open), and says it is damaged, so the rest of the board stays as it was.
 */
export function BrokenRow(props: IncidentRowProps & { readonly error: Error }) {
  const { incident, index, rowCount, top, height, selected, tabbable, onSelect, onOpen, error } = props;
  const id = typeof incident.id === 'string' ? incident.id : 'An incident';
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter opens the selected row through the keymap, as on IncidentRow.
    <div
      role="option"
      className="incident-row incident-row--broken"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={rowCount}
      tabIndex={tabbable ? 0 : -1}
      data-incident-id={id}
      data-broken={`row ${id}`}
      style={{ top, height }}
      onFocus={() => onSelect(id)}
      onClick={() => onOpen(id)}
    >
      <span className="incident-row__title">
        {id} cannot be shown — its data is damaged ({error.message})
      </span>
    </div>
  );
}
