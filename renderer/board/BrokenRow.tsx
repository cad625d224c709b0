import type { IncidentRowProps } from './IncidentRow';
import { rowAttributes } from './row-attributes';

/**
 * A board row whose incident could not be drawn: it keeps its place, its id and its keyboard
 * behaviour (select, open), and says it is damaged, so the rest of the board stays as it was.
 */
export function BrokenRow(props: IncidentRowProps & { readonly error: Error }) {
  const { incident, error } = props;
  const id = typeof incident.id === 'string' ? incident.id : 'An incident';
  return (
    // Enter opens the selected row through the keymap, as on IncidentRow.
    <div
      {...rowAttributes(props, id)}
      className="incident-row incident-row--broken"
      data-broken={`row ${id}`}
    >
      <span className="incident-row__title">
        {id} cannot be shown — its data is damaged ({error.message})
      </span>
    </div>
  );
}
