import { useEffect, useState } from 'react';
import type { Change } from '../../shared/changes/change';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { useBoardStore } from '../state/board-store';

export interface ServiceChangesState {
  readonly status: 'loading' | 'loaded' | 'failed';
  readonly changes: ReadonlyArray<Change>;
  readonly message: string | null;
}

const LOADING: ServiceChangesState = { status: 'loading', changes: [], message: null };

/**
 * The selected service's changes of the last day, fetched when the panel shows another service and
 * again when the board changes (a change often comes just before an incident does).
 */
export function useServiceChanges(serviceId: string): ServiceChangesState {
  const api = useSitroomApi();
  const [state, setState] = useState<ServiceChangesState>(LOADING);
  const seq = useBoardStore((board) => board.rows.size);
  // biome-ignore lint/correctness/useExhaustiveDependencies: serviceId is the cue to start over.
  useEffect(() => setState(LOADING), [serviceId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: seq is a cue to fetch again, not an input.
  useEffect(() => {
    let current = true;
    api.serviceChanges(serviceId).then(
      (changes) => {
        if (current) setState({ status: 'loaded', changes, message: null });
      },
      (error: unknown) => {
        if (current)
          setState((previous) => ({ ...previous, status: 'failed', message: errorMessage(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, serviceId, seq]);
  return state;
}
