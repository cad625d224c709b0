import type { Person } from '../../shared/api';
import type { BoardRow, RowLike } from '../../shared/feed/board-row';
import type { Role } from '../../shared/roles';
import {
  actionAvailability,
  INCIDENT_ACTION_IDS,
  INCIDENT_ACTIONS,
  type IncidentActionId,
} from '../incident/actions/action-catalog';
import { openIncidentAndRun } from '../incident/actions/pending-action';
import type { PersonOption } from '../incident/actions/person-actions';
import type { KeyBinding } from '../keyboard/keymap';

// What the command palette can find, as values: the keys that work where the operator is (so an
// action shows the same key, and the same refusal, as pressing it would), the views, the
// incidents on the board, their services and the people who can be assigned.

export const PALETTE_KINDS = ['action', 'view', 'filter', 'incident', 'service', 'person'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

export const KIND_HEADINGS: Readonly<Record<PaletteKind, string>> = {
  action: 'Actions',
  view: 'Views',
  filter: 'Saved filters',
  incident: 'Incidents',
  service: 'Services',
  person: 'People',
};

/** What Enter does: close the palette and run something, or ask what to do with a person. */
export type PaletteChoice =
  | { readonly kind: 'run'; readonly run: () => void }
  | { readonly kind: 'person'; readonly person: Person };

export interface PaletteItem {
  /** Unique and stable while the palette is open, so the highlighted result survives updates. */
  readonly id: string;
  readonly kind: PaletteKind;
  readonly label: string;
  readonly detail?: string;
  /** Its keys as the operator has them now. */
  readonly keys?: ReadonlyArray<string>;
  /** Why it cannot be chosen now; shown instead of running it. */
  readonly disabledReason?: string | null;
  /** What the query is matched against. */
  readonly searchText: string;
  readonly choice: PaletteChoice;
}

/** The palette's own key is left out: choosing "open the palette" from it would do nothing. */
const PALETTE_COMMAND = 'palette';

/** A view is "g" then a letter (or a view command): the go-to keys. */
const isView = (binding: KeyBinding): boolean =>
  binding.command?.startsWith('view.') === true || binding.keys.some((key) => /^g \S$/.test(key));

/** Actions and views from the bindings active where the operator is, first binding per command. */
export function bindingItems(bindings: ReadonlyArray<KeyBinding>): PaletteItem[] {
  const items: PaletteItem[] = [];
  const seen = new Set<string>();
  for (const binding of bindings) {
    const id = binding.command ?? `key:${binding.description}`;
    if (binding.command === PALETTE_COMMAND || seen.has(id)) continue;
    seen.add(id);
    const kind = isView(binding) ? 'view' : 'action';
    items.push({
      id: `${kind}:${id}`,
      kind,
      label: binding.description,
      keys: binding.keys,
      disabledReason: binding.disabledReason ?? null,
      searchText: binding.description,
      choice: { kind: 'run', run: binding.run },
    });
  }
  return items;
}

/**
 * What can be done to the incident selected on the board, so "ack" there finds "Acknowledge"
 * for it: each action with the key it has in the incident, and why not where it cannot be done.
 * Choosing one opens the incident and runs the action there, as its key would.
 */
export function selectedIncidentItems(
  incident: RowLike,
  role: Role,
  keysOf: (action: IncidentActionId) => ReadonlyArray<string>,
  silenceRole?: Role,
  me?: string | null,
): PaletteItem[] {
  return INCIDENT_ACTION_IDS.flatMap((id): PaletteItem[] => {
    const availability = actionAvailability(id, role, incident, silenceRole, me);
    if (availability.kind === 'hidden') return [];
    const { label } = INCIDENT_ACTIONS[id];
    return [
      {
        id: `selected:${incident.id}:${id}`,
        kind: 'action',
        label,
        detail: `${incident.id} ${incident.title}`,
        keys: keysOf(id),
        disabledReason: availability.kind === 'disabled' ? availability.reason : null,
        searchText: label,
        choice: { kind: 'run', run: () => openIncidentAndRun(incident.id, id) },
      },
    ];
  });
}

/** The incidents on the board, in board order; Enter opens one. */
export function incidentItems(incidents: ReadonlyArray<BoardRow>, open: (id: string) => void): PaletteItem[] {
  return incidents.map((incident) => {
    const services = incident.services.join(', ');
    return {
      id: `incident:${incident.id}`,
      kind: 'incident',
      label: `${incident.id} ${incident.title}`,
      detail: incident.status === 'resolved' ? `resolved · ${services}` : services,
      searchText: `${incident.id} ${incident.title} ${services}`,
      choice: { kind: 'run', run: () => open(incident.id) },
    };
  });
}

/** The services of the open incidents; Enter goes to the first (most urgent) incident of one. */
export function serviceItems(
  open: ReadonlyArray<BoardRow>,
  goTo: (incidentId: string) => void,
): PaletteItem[] {
  const firstByService = new Map<string, { readonly incidentId: string; count: number }>();
  for (const incident of open) {
    for (const service of incident.services) {
      const entry = firstByService.get(service);
      if (entry) entry.count += 1;
      else firstByService.set(service, { incidentId: incident.id, count: 1 });
    }
  }
  return [...firstByService].map(([service, { incidentId, count }]) => ({
    id: `service:${service}`,
    kind: 'service',
    label: service,
    detail: `${count} open incident${count === 1 ? '' : 's'}; goes to ${incidentId}`,
    searchText: service,
    choice: { kind: 'run', run: () => goTo(incidentId) },
  }));
}

/** The operator's saved board filters; Enter puts one on the board (docs/filters.md). */
export function savedFilterItems(
  filters: ReadonlyArray<{ readonly name: string; readonly query: string }>,
  apply: (query: string) => void,
): PaletteItem[] {
  return filters.map((filter, index) => ({
    id: `filter:${index}:${filter.name}`,
    kind: 'filter',
    label: filter.name,
    detail: filter.query,
    searchText: `${filter.name} filter ${filter.query}`,
    choice: { kind: 'run', run: () => apply(filter.query) },
  }));
}

/** The people; in an incident Enter asks what to do with them, on the board there is nothing to do. */
export function personItems(people: ReadonlyArray<Person>, inIncident: boolean): PaletteItem[] {
  return people.map((person) => ({
    id: `person:${person.id}`,
    kind: 'person',
    label: person.name,
    detail: person.role,
    disabledReason: inIncident ? null : 'Open an incident to make them its commander or a responder.',
    searchText: `${person.name} ${person.id}`,
    choice: { kind: 'person', person },
  }));
}

/** What can be done with one person on the open incident. */
export function personOptionItems(options: ReadonlyArray<PersonOption>): PaletteItem[] {
  return options.map((option) => ({
    id: `person-option:${option.id}`,
    kind: 'action',
    label: option.label,
    disabledReason: option.disabledReason,
    searchText: option.label,
    choice: { kind: 'run', run: option.run },
  }));
}
