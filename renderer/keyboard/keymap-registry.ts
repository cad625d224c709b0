import { create } from 'zustand';
import {
  type KeyBinding,
  type KeyContext,
  type KeyLayer,
  type KeyPress,
  type KeyTarget,
  type PendingSequence,
  resolveKeyPress,
  SEQUENCE_TIMEOUT_MS,
} from './keymap';
import { commandKeys } from './keymap-prefs';

// The registry of mounted key layers and the one document listener that serves them all. No
// other code listens for keys on window or document: a component that wants keys registers a
// layer (useKeymap), so contexts, dialogs capturing keys and the cheat sheet stay consistent.
// Bindings to catalog commands get the operator's current keys here, at key time.

interface RegisteredLayer extends KeyLayer {
  /** What the cheat sheet shows; the runnable bindings are read from `current` at key time. */
  readonly signature: string;
  readonly current: { bindings: ReadonlyArray<KeyBinding> };
}

interface KeymapStore {
  readonly layers: Readonly<Record<string, RegisteredLayer>>;
  /** The first key of a sequence waiting for its second ("g"), shown discreetly until then. */
  readonly pending: string | null;
}

export const useKeymapStore = create<KeymapStore>()(() => ({ layers: {}, pending: null }));

let nextOrder = 1;

/** A new mount order, so the newest dialog is on top. */
export const takeLayerOrder = (): number => nextOrder++;

/** Adds or updates a layer; the store only changes when what the cheat sheet shows changes. */
export function putLayer(
  id: string,
  context: KeyContext,
  order: number,
  bindings: ReadonlyArray<KeyBinding>,
): void {
  const signature = bindings
    .map((b) => `${b.command ?? ''}:${b.keys.join(',')}:${b.description}:${b.disabledReason ?? ''}`)
    .join('|');
  const existing = useKeymapStore.getState().layers[id];
  if (existing && existing.signature === signature && existing.context === context) {
    existing.current.bindings = bindings;
    return;
  }
  const layer: RegisteredLayer = { context, order, bindings, signature, current: { bindings } };
  useKeymapStore.setState((state) => ({ layers: { ...state.layers, [id]: layer } }));
}

export function removeLayer(id: string): void {
  useKeymapStore.setState((state) => {
    const { [id]: _removed, ...rest } = state.layers;
    return { layers: rest };
  });
}

/** The layers with their latest bindings and the operator's keys, for resolving a key press. */
export function liveLayers(): ReadonlyArray<KeyLayer> {
  return Object.values(useKeymapStore.getState().layers).map((layer) => ({
    context: layer.context,
    order: layer.order,
    bindings: layer.current.bindings.map(withCurrentKeys),
  }));
}

function withCurrentKeys(binding: KeyBinding): KeyBinding {
  if (binding.command === undefined) return binding;
  return { ...binding, keys: [...commandKeys(binding.command), ...binding.keys] };
}

let pendingSequence: PendingSequence | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;

/** Remembers the first key of a sequence, and forgets it when its time is up. */
function setPending(next: PendingSequence | null): void {
  if (next === pendingSequence) return;
  pendingSequence = next;
  clearTimeout(pendingTimer);
  if (next !== null) pendingTimer = setTimeout(() => setPending(null), SEQUENCE_TIMEOUT_MS);
  useKeymapStore.setState({ pending: next?.chord ?? null });
}

/** Installs the console's single keydown listener; returns a function that removes it. */
export function installKeyboard(doc: Document = document): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const press = keyPressOf(event, keyTargetOf(event.target));
    const resolution = resolveKeyPress(liveLayers(), press, pendingSequence, performance.now());
    setPending(resolution.pending);
    if (!resolution.handled) return;
    // The console owns the key: no page scroll on arrows, no native dialog cancel on Escape.
    event.preventDefault();
    resolution.binding?.run();
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}

/** What the keymap reads of a keydown (a DOM event, or React's). */
export type KeyDown = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'repeat' | 'getModifierState'
>;

export function keyPressOf(event: KeyDown, target: KeyTarget): KeyPress {
  return {
    key: event.key,
    code: event.code,
    capsLock: event.getModifierState('CapsLock'),
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    repeat: event.repeat,
    target,
  };
}

const BUTTON_INPUT_TYPES: ReadonlySet<string> = new Set(['button', 'submit', 'reset', 'checkbox', 'radio']);

function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return 'text';
  if (target instanceof HTMLInputElement) return BUTTON_INPUT_TYPES.has(target.type) ? 'button' : 'text';
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return 'button';
  return 'other';
}
