import { create } from 'zustand';
import { type BoardState, INITIAL_BOARD, interpretPatches } from '../../shared/feed/board-interpreter';
import type { BoardPatch } from '../../shared/feed/patch';

// The incident board as the views see it. One set() per frame: the connector hands over a
// frame's worth of the host's patches and the shared interpreter applies them. The page never
// folds an event: the replica (main process or worker) did, once, for the whole console.

export interface BoardStore extends BoardState {
  receive(patches: ReadonlyArray<BoardPatch>): void;
}

export const useBoardStore = create<BoardStore>()((set) => ({
  ...INITIAL_BOARD,
  receive: (patches) => set((state) => interpretPatches(state, patches, Date.now())),
}));
