import { create } from 'zustand';
import { INITIAL_BOARD } from '../../shared/feed/board-interpreter';
import type { BoardPatch } from '../../shared/feed/patch';
import { type PredictingBoard, receiveBatch, showFilter } from '../../shared/feed/predict-filter';

// The incident board as the views see it. One set() per frame: the connector hands over a
// frame's worth of the host's patches and the shared interpreter applies them. The page never
// folds an event: the replica (main process or worker) did, once, for the whole console. A
// filter key the page can decide alone shows in its own frame (shared/feed/predict-filter.ts).

export interface BoardStore extends PredictingBoard {
  receive(patches: ReadonlyArray<BoardPatch>): void;
  /** The operator's filter changed: shown at once if the page can decide it. */
  showFilter(query: string): void;
}

export const useBoardStore = create<BoardStore>()((set) => ({
  ...INITIAL_BOARD,
  predicted: null,
  hostScope: INITIAL_BOARD.scope,
  receive: (patches) => set((state) => receiveBatch(state, patches, Date.now())),
  showFilter: (query) => set((state) => showFilter(state, query)),
}));
