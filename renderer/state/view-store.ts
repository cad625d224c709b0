import { create } from 'zustand';
import { useSelectionStore } from './selection-store';

// Which view fills the console: the board, one incident, the escalations or the map. No router: a wall
// display has no address bar worth keeping in sync, and Esc must land back on the very row the
// operator left.

export type ConsoleView =
  | { readonly kind: 'board' }
  | { readonly kind: 'incident'; readonly incidentId: string }
  /** Every running escalation and who is on call (renderer/escalations). */
  | { readonly kind: 'escalations' }
  /** The service dependency map (renderer/map). */
  | { readonly kind: 'map' }
  /** How well the NOC responds, from the hub's event log (renderer/statistics). */
  | { readonly kind: 'statistics' };

interface ViewStore {
  readonly view: ConsoleView;
}

export const useViewStore = create<ViewStore>()(() => ({ view: { kind: 'board' } }));

/** Opens an incident, keeping it selected on the board for when the operator comes back. */
export function openIncident(incidentId: string): void {
  useSelectionStore.getState().select(incidentId);
  useViewStore.setState({ view: { kind: 'incident', incidentId } });
}

/** Back to the board, with the incident's row selected and focused. */
export function returnToBoard(): void {
  const current = useViewStore.getState().view;
  useViewStore.setState({ view: { kind: 'board' } });
  const selection = useSelectionStore.getState();
  if (current.kind === 'incident') selection.select(current.incidentId, { focus: true });
  // Back from the escalation view, focus returns to the row the operator had selected.
  else if (current.kind !== 'board' && selection.selectedId !== null)
    selection.select(selection.selectedId, { focus: true });
}

/** Opens the escalation view over the board. */
export function openEscalations(): void {
  useViewStore.setState({ view: { kind: 'escalations' } });
}

/** Opens the dependency map over the board. */
export function openMap(): void {
  useViewStore.setState({ view: { kind: 'map' } });
}

/** Opens the statistics over the board. */
export function openStatistics(): void {
  useViewStore.setState({ view: { kind: 'statistics' } });
}

/** True while the statistics fill the console. */
export const useStatisticsOpen = (): boolean => useViewStore((state) => state.view.kind === 'statistics');

/** True while the dependency map fills the console. */
export const useMapOpen = (): boolean => useViewStore((state) => state.view.kind === 'map');

/** True while the escalation view fills the console. */
export const useEscalationsOpen = (): boolean => useViewStore((state) => state.view.kind === 'escalations');

/** The incident open in the console, or null on the board. */
export const useOpenIncidentId = (): string | null =>
  useViewStore((state) => (state.view.kind === 'incident' ? state.view.incidentId : null));
