import { dictOf, ownValue } from '../../shared/dict';
// The console's one keymap, as values. Components register layers of bindings for the context
// they own (the board, the incident view, a dialog); a single document listener asks
// resolveKeyPress which binding, if any, a key press means — including two-key sequences such as
// "g b", which need the press before. Pure, so the rules are unit-tested.

import { positionalKey, withoutCapsLock } from './physical-keys';

/** Where the operator is. A dialog captures every key; the views add the global layer. */
export type KeyContext = 'global' | 'board' | 'incident' | 'escalations' | 'map' | 'statistics' | 'dialog';

/** What kind of element has focus, which decides which keys it keeps for itself. */
export type KeyTarget = 'text' | 'button' | 'other';

export interface KeyBinding {
  /**
   * Keys as chordOf writes them ("j", "ArrowDown", "Escape", "Mod+Enter", "?"), or two chords
   * separated by a space for a sequence ("g b"). For a catalog command these are its fixed keys
   * (arrows, Esc): the registry adds the operator's own keys for `command` in front.
   */
  readonly keys: ReadonlyArray<string>;
  /** The catalog command this runs, whose keys the operator may change (command-catalog.ts). */
  readonly command?: string;
  /** For the cheat sheet and the palette, e.g. "Acknowledge". */
  readonly description: string;
  /** Why it cannot be done now (role, incident state); the key press still runs to explain. */
  readonly disabledReason?: string;
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
  /** The key's position (`KeyJ`), tried when `key` is not a Latin character (physical-keys.ts). */
  readonly code?: string;
  /** Caps Lock is on: a letter's case is turned back before matching. */
  readonly capsLock?: boolean;
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
  // Like the incident view, the escalation view covers the board; the two never show together.
  escalations: 2,
  map: 2,
  statistics: 2,
  dialog: 3,
};

/** How long the second key of a sequence may wait after the first ("g", then "b"). */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** The first chord of a sequence, pressed at `at` (ms, same clock as the resolver's `now`). */
export interface PendingSequence {
  readonly chord: string;
  readonly at: number;
}

/** What a key press means: a binding to run, whether the browser must not act on it, what waits. */
export interface KeyResolution {
  readonly binding: KeyBinding | null;
  /** True when the console took the key (preventDefault): a binding, a sequence started or ended. */
  readonly handled: boolean;
  readonly pending: PendingSequence | null;
}

// Held on their own they are not keys yet: Shift before "?" must not cancel a pending "g".
const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
]);

/** The chord a key press spells: "Mod+" for Ctrl or ⌘, "Alt+", "Shift+" only for named keys. */
export function chordOf(
  press: Pick<KeyPress, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): string {
  // Spelled out so that a space only ever separates the chords of a sequence.
  let chord = press.key === ' ' ? 'Space' : press.key;
  // Shift is part of a printed character ("?" is Shift+/): only named keys spell it out.
  if (press.shiftKey && press.key.length > 1) chord = `Shift+${chord}`;
  if (press.altKey) chord = `Alt+${chord}`;
  if (press.ctrlKey || press.metaKey) chord = `Mod+${chord}`;
  return chord;
}

/**
 * The chords a press may mean, in the order they are tried: its character (Caps Lock undone),
 * then its position on a US keyboard when the character is not Latin (physical-keys.ts).
 */
export function chordsOf(press: KeyPress): ReadonlyArray<string> {
  const typed = chordOf(withoutCapsLock(press));
  const position = positionalKey(press);
  if (position === null) return [typed];
  const byPosition = chordOf({ ...press, key: position });
  return byPosition === typed ? [typed] : [typed, byPosition];
}

/** The chord to record when the operator binds a key: on a non-Latin layout, its Latin position. */
export function captureChordOf(press: KeyPress): string {
  const chords = chordsOf(press);
  return chords[chords.length - 1] as string;
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

/** The binding a single key press triggers, or null (sequences need resolveKeyPress). */
export function resolveKey(layers: ReadonlyArray<KeyLayer>, press: KeyPress): KeyBinding | null {
  return resolveKeyPress(layers, press, null, 0).binding;
}

/**
 * What a key press means given the sequence pending before it. A pending sequence takes the next
 * key whatever it is: the second chord of a known sequence runs it, anything else (Esc, a key
 * that completes nothing) cancels it and is swallowed, so "g" then a typo never acts. A chord
 * that starts a sequence waits for the second one; the first matching binding in layer order
 * wins, so a view's own key shadows a global sequence that starts with it.
 */
export function resolveKeyPress(
  layers: ReadonlyArray<KeyLayer>,
  press: KeyPress,
  pending: PendingSequence | null,
  now: number,
): KeyResolution {
  if (MODIFIER_KEYS.has(press.key)) return { binding: null, handled: false, pending };
  const active = activeLayers(layers);
  const chords = chordsOf(press);
  if (pending !== null && now - pending.at <= SEQUENCE_TIMEOUT_MS) {
    const bindings = active.flatMap((layer) => layer.bindings);
    for (const chord of chords) {
      const sequence = `${pending.chord} ${chord}`;
      const binding = bindings.find((b) => b.keys.includes(sequence));
      if (binding) return { binding, handled: true, pending: null };
    }
    return { binding: null, handled: true, pending: null };
  }
  const ignored: KeyResolution = { binding: null, handled: false, pending: null };
  // A focused button or link activates itself on Enter and Space; taking those keys would make
  // Enter on "Cancel" confirm instead.
  if (press.target === 'button' && (press.key === 'Enter' || press.key === ' ')) return ignored;
  for (const chord of chords) {
    const resolution = resolveChord(active, press, chord, now);
    if (resolution !== null) return resolution;
  }
  return ignored;
}

/** What `chord` means among the active layers; null when no binding has anything to do with it. */
function resolveChord(
  active: ReadonlyArray<KeyLayer>,
  press: KeyPress,
  chord: string,
  now: number,
): KeyResolution | null {
  const ignored: KeyResolution = { binding: null, handled: false, pending: null };
  const prefix = `${chord} `;
  for (const layer of active) {
    for (const binding of layer.bindings) {
      const single = binding.keys.includes(chord);
      if (!single && !binding.keys.some((key) => key.startsWith(prefix))) continue;
      if (press.target === 'text' && !(single && binding.whileTyping)) return ignored;
      if (press.repeat && !(single && binding.repeat)) return ignored;
      if (single) return { binding, handled: true, pending: null };
      return { binding: null, handled: true, pending: { chord, at: now } };
    }
  }
  return null;
}

const KEY_NAMES: Readonly<Record<string, string>> = dictOf({
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Mod: 'Ctrl',
});

/** How a key is printed on a button or the cheat sheet: "Esc", "↓", "Ctrl+K", "g b". */
export function chordLabel(key: string): string {
  return key.split(' ').map(singleChordLabel).join(' ');
}

function singleChordLabel(chord: string): string {
  // "Mod++" is Ctrl and the plus key: split on the "+" that follow a modifier only.
  const parts = chord.length > 1 ? chord.split(/\+(?=.)/) : [chord];
  return parts
    .map((part, index) => {
      const last = index === parts.length - 1;
      if (!last) return ownValue(KEY_NAMES, part) ?? part;
      // Ctrl+K, as keyboards and other apps print it; a bare "k" stays lower case (Shift+k is "K").
      return parts.length > 1 && part.length === 1 ? part.toUpperCase() : (ownValue(KEY_NAMES, part) ?? part);
    })
    .join('+');
}
