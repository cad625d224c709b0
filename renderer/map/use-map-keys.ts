import { commandBinding } from '../keyboard/command-catalog';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';
import type { MapDirection } from './map-navigation';

export interface MapKeyActions {
  readonly move: (direction: MapDirection) => void;
  /** Enter: in the find box, select the first match; on the map, open the first incident. */
  readonly enter: () => void;
  /** Esc: leave the find box, else go back to the board. */
  readonly escape: () => void;
  readonly find: () => void;
  readonly toggleFocus: () => void;
  readonly hops: (delta: number) => void;
}

/**
 * The map's keys, in the 'map' context so the cheat sheet lists them. Enter and Esc also work
 * in the find box (whileTyping); arrows and letters there stay the box's own.
 */
export function useMapKeys(actions: MapKeyActions): void {
  const arrow = (key: string, direction: MapDirection, description: string): KeyBinding => ({
    keys: [key],
    description,
    run: () => actions.move(direction),
    repeat: true,
  });
  useKeymap('map', [
    arrow('ArrowUp', 'up', 'Up: towards what it depends on'),
    arrow('ArrowDown', 'down', 'Down: towards what depends on it'),
    arrow('ArrowLeft', 'left', 'Previous service in the layer'),
    arrow('ArrowRight', 'right', 'Next service in the layer'),
    {
      keys: ['Enter'],
      description: "Open the service's first incident (in the find box: select)",
      run: actions.enter,
      whileTyping: true,
    },
    { keys: ['Escape'], description: 'Back to the board', run: actions.escape, whileTyping: true },
    commandBinding('map.find', actions.find),
    commandBinding('map.focus', actions.toggleFocus),
    commandBinding('map.wider', () => actions.hops(1), { repeat: true }),
    commandBinding('map.narrower', () => actions.hops(-1), { repeat: true }),
  ]);
}
