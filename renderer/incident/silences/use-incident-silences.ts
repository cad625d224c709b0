import { useEffect, useState } from 'react';
import type { IncidentSilences } from '../../../shared/silences/silence-view';
import { useSitroomApi } from '../../api-context';
import { errorMessage } from '../../error-message';
import { useBoardStore } from '../../state/board-store';

export type SilencesState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: IncidentSilences }
  | { readonly status: 'failed'; readonly message: string };

/**
 * The silences in force on an incident, asked of the hub (which asks the Alertmanagers) when the
 * view opens, when a silence outcome reaches the incident's timeline, and after a reconnect.
 */
export function useIncidentSilences(incidentId: string): SilencesState {
  const api = useSitroomApi();
  const [state, setState] = useState<SilencesState>({ status: 'loading' });
  // A count of outcomes on the live timeline: each new one is a cue to ask again.
  const outcomes = useBoardStore((board) =>
    board.timeline.incidentId === incidentId
      ? board.timeline.events.filter(
          (event) =>
            event.type === 'silence_created' ||
            event.type === 'silence_expired' ||
            event.type === 'silence_failed',
        ).length
      : 0,
  );
  const live = useBoardStore((board) => board.connection.status === 'live');

  // biome-ignore lint/correctness/useExhaustiveDependencies: outcomes and live are cues to ask again.
  useEffect(() => {
    if (!live) return;
    let current = true;
    api.incidentSilences(incidentId).then(
      (value) => current && setState({ status: 'loaded', value }),
      (error: unknown) => current && setState({ status: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, incidentId, outcomes, live]);
  return state;
}
