import { create } from 'zustand';
import type { ReplicaMessage } from '../../shared/api';
import { type BoardState, foldReplicaMessages, INITIAL_BOARD } from './board-fold';

// The incident board as the views see it. One set() per frame: the connector hands over a
// frame's worth of replica messages and foldReplicaMessages does the work.

export interface BoardStore extends BoardState {
  receive(messages: ReadonlyArray<ReplicaMessage>): void;
}

export const useBoardStore = create<BoardStore>()((set) => ({
  ...INITIAL_BOARD,
  receive: (messages) => set((state) => foldReplicaMessages(state, messages, Date.now())),
}));
