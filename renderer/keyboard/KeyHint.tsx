import { chordLabel } from './keymap';

/**
 * The key for a control, printed on it ("Esc", "Ctrl+Enter"). Hidden from screen readers: the
 * control's name stays the action, and aria-keyshortcuts (where set) announces the key.
 */
export function KeyHint({ chord }: { readonly chord: string }) {
  return (
    <span className="key-hint" aria-hidden="true">
      {chordLabel(chord)}
    </span>
  );
}
