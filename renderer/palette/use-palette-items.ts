import { useMemo } from 'react';
import type { Person } from '../../shared/api';
import { chooseFilter } from '../filter/filter-store';
import { useSavedFilters } from '../filter/saved-filters';
import { personOptions } from '../incident/actions/person-actions';
import { incidentActionCommand } from '../keyboard/command-catalog';
import { activeLayers } from '../keyboard/keymap';
import { commandKeys, useKeymapPrefs } from '../keyboard/keymap-prefs';
import { liveLayers, useKeymapStore } from '../keyboard/keymap-registry';
import { usePeople } from '../session/people-store';
import { useRole, useSession, useSilenceRole } from '../session/session-store';
import { useActiveIncidents, useRecentlyResolved } from '../state/board-hooks';
import { useSelectionStore } from '../state/selection-store';
import { openIncident, returnToBoard, useOpenIncidentId } from '../state/view-store';
import {
  bindingItems,
  incidentItems,
  type PaletteItem,
  personItems,
  personOptionItems,
  savedFilterItems,
  selectedIncidentItems,
  serviceItems,
} from './palette-items';

const viewLayersSignature = (state: ReturnType<typeof useKeymapStore.getState>): string =>
  Object.values(state.layers)
    .filter((layer) => layer.context !== 'dialog')
    .map((layer) => layer.signature)
    .join('\n');

/** Back on the board with the incident's row selected and focused, scrolled into view. */
function goToRow(incidentId: string): void {
  returnToBoard();
  useSelectionStore.getState().select(incidentId, { focus: true });
}

/**
 * Everything the palette can offer now, or with `person` chosen, what to do with them. Live:
 * incidents arriving while it is open join the results (the highlighted one stays highlighted).
 */
export function usePaletteItems(person: Person | null): ReadonlyArray<PaletteItem> {
  // Subscribed so that the view's keys changing and rebound keys redraw; the bindings are read
  // live below. Dialog layers (the palette's own, as it opens) do not count.
  useKeymapStore(viewLayersSignature);
  const active = useActiveIncidents();
  const resolved = useRecentlyResolved();
  const people = usePeople();
  const savedFilters = useSavedFilters((state) => state.filters);
  const inIncident = useOpenIncidentId() !== null;

  const role = useRole();
  const silenceRole = useSilenceRole();
  const me = useSession()?.user.id ?? null;
  const overrides = useKeymapPrefs((state) => state.overrides);
  const selectedId = useSelectionStore((state) => state.selectedId);
  // On the board, the selected row's actions; in an incident its own keys already offer them.
  const selected = inIncident ? undefined : [...active, ...resolved].find((one) => one.id === selectedId);
  const records = useMemo(
    () => [
      ...(selected
        ? selectedIncidentItems(
            selected,
            role,
            (id) => commandKeys(incidentActionCommand(id), overrides),
            silenceRole,
            me,
          )
        : []),
      ...savedFilterItems(savedFilters, (query) => {
        chooseFilter(query);
        returnToBoard();
      }),
      ...incidentItems([...active, ...resolved], openIncident),
      ...serviceItems(active, goToRow),
      ...personItems(people, inIncident),
    ],
    [active, resolved, people, inIncident, selected, role, overrides, savedFilters, silenceRole, me],
  );
  if (person !== null) return personOptionItems(personOptions(person) ?? []);
  // The palette's own dialog layer is on top while it is open: look under it, at the view.
  const underneath = liveLayers().filter((layer) => layer.context !== 'dialog');
  const bindings = activeLayers(underneath).flatMap((layer) => layer.bindings);
  return [...bindingItems(bindings), ...records];
}
