import { create } from 'zustand';
import { commandBinding } from './command-catalog';
import { KeymapSettings } from './KeymapSettings';
import type { KeyBinding } from './keymap';
import { useKeymap } from './use-keymap';

// "," opens the keyboard settings, as in many editors; the palette lists it too.

const useSettingsStore = create<{ readonly open: boolean }>()(() => ({ open: false }));

const openSettings = (): void => useSettingsStore.setState({ open: true });
const closeSettings = (): void => useSettingsStore.setState({ open: false });

const SETTINGS_KEYS: ReadonlyArray<KeyBinding> = [commandBinding('settings', openSettings)];

/** Registers the settings key and shows the dialog when asked. */
export function KeymapSettingsHost() {
  useKeymap('global', SETTINGS_KEYS);
  const open = useSettingsStore((state) => state.open);
  return open ? <KeymapSettings onClose={closeSettings} /> : null;
}
