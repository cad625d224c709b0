import { commandBinding } from '../keyboard/command-catalog';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';
import { CommandPalette } from './CommandPalette';
import { closePalette, openPalette, usePaletteStore } from './palette-store';

// Ctrl+K (⌘K) works in every view, even from a text field outside a dialog; an open dialog
// keeps the keyboard, so the palette never opens over one.
const PALETTE_KEYS: ReadonlyArray<KeyBinding> = [
  commandBinding('palette', openPalette, { whileTyping: true }),
];

/** Registers the palette's key and shows the palette when asked. */
export function CommandPaletteHost() {
  useKeymap('global', PALETTE_KEYS);
  const open = usePaletteStore((state) => state.open);
  return open ? <CommandPalette onClose={closePalette} /> : null;
}
