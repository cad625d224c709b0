import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';
import { stepSelection } from '../state/selection';
import { returnToBoard } from '../state/view-store';

export interface EscalationKeyActions {
  /** Row ids in screen order. */
  readonly order: ReadonlyArray<string>;
  readonly selectedId: string | null;
  /** Selects a row and moves focus to it. */
  readonly focusRow: (incidentId: string) => void;
  readonly open: (incidentId: string) => void;
  readonly escalate: (incidentId: string) => void;
}

/**
 * The escalation view's keys, as on the board: j/k move, Enter opens the incident, and `e`
 * escalates the selected one at once (paging more people is not destructive: no confirmation).
 */
export function useEscalationKeys(actions: EscalationKeyActions): void {
  const { order, selectedId, focusRow, open, escalate } = actions;
  const move = (step: number): void => {
    const next = stepSelection(order, selectedId, step);
    if (next !== null) focusRow(next);
  };
  // Only a row still on screen is acted on: the escalation may have stopped a moment ago.
  const withSelected = (run: (incidentId: string) => void) => (): void => {
    if (selectedId !== null && order.includes(selectedId)) run(selectedId);
  };
  const bindings: ReadonlyArray<KeyBinding> = [
    { keys: ['j', 'ArrowDown'], description: 'Next escalation', run: () => move(1), repeat: true },
    { keys: ['k', 'ArrowUp'], description: 'Previous escalation', run: () => move(-1), repeat: true },
    { keys: ['Enter'], description: 'Open the incident', run: withSelected(open) },
    {
      keys: ['e'],
      description: 'Escalate now: page the next level (or the last again)',
      run: withSelected(escalate),
    },
    { keys: ['Escape'], description: 'Back to the board', run: returnToBoard },
  ];
  useKeymap('escalations', bindings);
}
