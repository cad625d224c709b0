import { commandBinding } from '../keyboard/command-catalog';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';
import { openEscalations, openMap, openStatistics, returnToBoard } from './view-store';

// "g" then a letter goes to a view, from anywhere outside a dialog. The palette lists these
// bindings as its views, so a view exists for the keyboard exactly when it is registered here.

const GO_TO_KEYS: ReadonlyArray<KeyBinding> = [
  commandBinding('view.board', returnToBoard),
  commandBinding('view.escalations', openEscalations),
  commandBinding('view.map', openMap),
  commandBinding('view.statistics', openStatistics),
];

/** Registers the go-to keys for as long as the console is mounted. */
export function useGoToKeys(): void {
  useKeymap('global', GO_TO_KEYS);
}
