import { create } from 'zustand';
import type { ReplicaMessage } from '../../shared/api';
import { LOCAL_USER, type User } from '../../shared/roles';
import { useSessionStore } from '../session/session-store';
import { type BoardState, foldReplicaMessages, INITIAL_BOARD } from './board-fold';
import { useViewStore } from './view-store';

/** Who this console's pending actions are shown as done by. */
function actingUser(): User {
  const state = useSessionStore.getState().state;
  return state.kind === 'signed-in' ? state.session.user : LOCAL_USER;
}

/** The incident open in the console, which the board must not let go of while it is read. */
function incidentsInView(): ReadonlySet<string> {
  const view = useViewStore.getState().view;
  return new Set(view.kind === 'incident' ? [view.incidentId] : []);
}

// The incident board as the views see it. One set() per frame: the connector hands over a
// frame's worth of replica messages and foldReplicaMessages does the work.

export interface BoardStore extends BoardState {
  receive(messages: ReadonlyArray<ReplicaMessage>): void;
}

export const useBoardStore = create<BoardStore>()((set) => ({
  ...INITIAL_BOARD,
  receive: (messages) =>
    set((state) => foldReplicaMessages(state, messages, Date.now(), actingUser(), incidentsInView)),
}));
