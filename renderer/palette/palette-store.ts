import { create } from 'zustand';

// Whether the command palette is open. The palette itself keeps what was typed, and forgets it
// when it closes: each Ctrl+K starts a new search.

interface PaletteStore {
  readonly open: boolean;
}

export const usePaletteStore = create<PaletteStore>()(() => ({ open: false }));

export const openPalette = (): void => usePaletteStore.setState({ open: true });

export const closePalette = (): void => usePaletteStore.setState({ open: false });
