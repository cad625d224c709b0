// The console's one keymap, as values. Components register layers of bindings for the context
// they own (the board, the incident view, a dialog); a single document listener asks
// resolveKey which binding, if any, a key press means. Pure, so the rules are unit-tested.

/** Where the operator is. A dialog captures every key; the views add the global layer. */
export type KeyContext = 'global' | 'board' | 'incident' | 'dialog';

/** What kind of element has focus, which decides which keys it keeps for itself. */
export type KeyTarget = 'text' | 'button' | 'other';

export interface KeyBinding {
  /** Chords as chordOf writes them: "j", "ArrowDown", "Enter", "Escape", "Mod+Enter", "?". */
  readonly keys: ReadonlyArray<string>;
  /** For the cheat sheet, e.g. "Acknowledge". */
  readonly description: string;
  readonly run: () => void;
  /** Also fires in text fields (Escape, Mod+Enter); single letters never do. */
  readonly whileTyping?: boolean;
  /** Fires again while the key is held (moving the selection), not for actions. */
  readonly repeat?: boolean;
}

export interface KeyLayer {
  readonly context: KeyContext;
  /** Mount order: among dialogs, the newest (the one on top) captures the keys. */
  readonly order: number;
  readonly bindings: ReadonlyArray<KeyBinding>;
}

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly repeat: boolean;
  readonly target: KeyTarget;
}

const CONTEXT_PRIORITY: Readonly<Record<KeyContext, number>> = {
  global: 0,
  board: 1,
  incident: 2,
  dialog: 3,
};

/** The chord a key press spells: "Mod+" for Ctrl or ⌘, "Alt+", "Shift+" only for named keys. */
export function chordOf(
  press: Pick<KeyPress, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): string {
  let chord = press.key;
  // Shift is part of a printed character ("?" is Shift+/): only named keys spell it out.
  if (press.shiftKey && press.key.length > 1) chord = `Shift+${chord}`;
  if (press.altKey) chord = `Alt+${chord}`;
  if (press.ctrlKey || press.metaKey) chord = `Mod+${chord}`;
  return chord;
}

/** The layer that owns the keyboard now: the newest dialog, else the incident view, else the board. */
export function topLayer(layers: ReadonlyArray<KeyLayer>): KeyLayer | null {
  let top: KeyLayer | null = null;
  for (const layer of layers) {
    if (layer.context === 'global') continue;
    if (
      top === null ||
      CONTEXT_PRIORITY[layer.context] > CONTEXT_PRIORITY[top.context] ||
      (layer.context === top.context && layer.order > top.order)
    ) {
      top = layer;
    }
  }
  return top;
}

/**
 * The layers whose keys work now, most specific first: the top dialog alone (it captures every
 * key), else every layer of the current view (several components may each add keys) and then
 * the global keys.
 */
export function activeLayers(layers: ReadonlyArray<KeyLayer>): ReadonlyArray<KeyLayer> {
  const top = topLayer(layers);
  if (top?.context === 'dialog') return [top];
  const view = top ? layers.filter((layer) => layer.context === top.context) : [];
  return [...view, ...layers.filter((layer) => layer.context === 'global')];
}

/** The binding a key press triggers, or null when it should be left to the browser. */
export function resolveKey(layers: ReadonlyArray<KeyLayer>, press: KeyPress): KeyBinding | null {
  // A focused button or link activates itself on Enter and Space; taking those keys would make
  // Enter on "Cancel" confirm instead.
  if (press.target === 'button' && (press.key === 'Enter' || press.key === ' ')) return null;
  const chord = chordOf(press);
  for (const layer of activeLayers(layers)) {
    for (const binding of layer.bindings) {
      if (!binding.keys.includes(chord)) continue;
      if (press.target === 'text' && !binding.whileTyping) return null;
      if (press.repeat && !binding.repeat) return null;
      return binding;
    }
  }
  return null;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  ' ': 'Space',
};

/** How a chord is printed on a button or the cheat sheet: "Esc", "↓", "Ctrl+Enter". */
export function chordLabel(chord: string): string {
  return chord
    .split('+')
    .map((part, index, parts) =>
      index < parts.length - 1 && part === 'Mod' ? 'Ctrl' : (KEY_NAMES[part] ?? part),
    )
    .join('+');
}
