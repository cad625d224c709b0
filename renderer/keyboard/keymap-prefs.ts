import { create } from 'zustand';
import { type CommandId, commandSpec } from './command-catalog';
import { type KeymapOverrides, keymapStorage, readKeymap, writeKeymap } from './keymap-storage';

// The keys the operator chose, loaded once at start and saved from the settings dialog. The
// registry reads them at key time, so a change applies to the very next key press.

interface KeymapPrefs {
  readonly overrides: KeymapOverrides;
}

export const useKeymapPrefs = create<KeymapPrefs>()(() => ({ overrides: readKeymap(keymapStorage()) }));

/** The keys the operator may change for command `id`, as they are now (without its fixed keys). */
export function commandKeys(
  id: string,
  overrides: KeymapOverrides = useKeymapPrefs.getState().overrides,
): ReadonlyArray<string> {
  return overrides[id] ?? commandSpec(id)?.keys ?? [];
}

/** The current keys of command `id`, re-rendering when the operator changes them. */
export function useCommandKeys(id: CommandId): ReadonlyArray<string> {
  const overrides = useKeymapPrefs((state) => state.overrides);
  return commandKeys(id, overrides);
}

/** Applies and saves the operator's keys. */
export function saveKeymap(overrides: KeymapOverrides): void {
  useKeymapPrefs.setState({ overrides });
  writeKeymap(keymapStorage(), overrides);
}
