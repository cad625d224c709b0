import { useId, useLayoutEffect, useState } from 'react';
import type { KeyBinding, KeyContext } from './keymap';
import { putLayer, removeLayer, takeLayerOrder } from './keymap-registry';

/** Registers `bindings` for `context` while the calling component is mounted. */
export function useKeymap(context: KeyContext, bindings: ReadonlyArray<KeyBinding>): void {
  const id = useId();
  const [order] = useState(takeLayerOrder);
  // Layout effects: a dialog captures keys from the same commit that shows it, so a key pressed
  // right after opening cannot reach the view underneath.
  useLayoutEffect(() => {
    putLayer(id, context, order, bindings);
  });
  useLayoutEffect(() => () => removeLayer(id), [id]);
}
