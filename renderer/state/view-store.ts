import { create } from 'zustand';
import { useSelectionStore } from './selection-store';

// Which view fills the console: the board, or one incident. No router: a wall display has no
// address bar worth keeping in sync, and Esc must land back on the very row the operator left.

export type ConsoleView =
  | { readonly kind: 'board' }
  | { readonly kind: 'incident'; readonly incidentId: string };

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
  if (current.kind === 'incident') useSelectionStore.getState().select(current.incidentId, { focus: true });
}

/** The incident open in the console, or null on the board. */
export const useOpenIncidentId = (): string | null =>
  useViewStore((state) => (state.view.kind === 'incident' ? state.view.incidentId : null));
