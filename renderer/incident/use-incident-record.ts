import { useEffect, useState } from 'react';
import type { RunbookView } from '../../shared/api';
import type { ConnectionStatus } from '../../shared/connection';
import type { HubEvent } from '../../shared/events';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { appendLiveEvents, mergeFetchedEvents } from './timeline-merge';

export interface IncidentRecordState {
  readonly status: 'loading' | 'loaded' | 'failed';
  readonly events: ReadonlyArray<HubEvent>;
  readonly runbook: RunbookView | null;
  readonly message: string | null;
}

const LOADING: IncidentRecordState = { status: 'loading', events: [], runbook: null, message: null };

/**
 * The incident's whole timeline and runbook: fetched when the view opens, appended to from the
 * replica's live events, and fetched again after a reconnect (events may have been missed).
 */
export function useIncidentRecord(incidentId: string): IncidentRecordState {
  const api = useSitroomApi();
  const [state, setState] = useState<IncidentRecordState>(LOADING);

  useEffect(() => {
    let current = true;
    let lastStatus: ConnectionStatus | null = null;
    let boards = 0;
    setState(LOADING);
    const load = (): void => {
      api.incidentRecord(incidentId).then(
        (record) => {
          if (!current) return;
          setState((previous) => ({
            status: 'loaded',
            events: mergeFetchedEvents(previous.events, record.events, incidentId),
            runbook: record.runbook,
            message: null,
          }));
        },
        (error: unknown) => {
          // Keep whatever timeline we have: a failed refresh should not blank the screen.
          if (current)
            setState((previous) => ({ ...previous, status: 'failed', message: errorMessage(error) }));
        },
      );
    };
    const unsubscribe = api.subscribe((message) => {
      if (message.type === 'events') {
        setState((previous) => {
          const events = appendLiveEvents(previous.events, message.events, incidentId);
          return events === previous.events ? previous : { ...previous, events };
        });
      } else if (message.type === 'connection') {
        const status = message.connection.status;
        if (lastStatus !== null && lastStatus !== 'live' && status === 'live') load();
        lastStatus = status;
      } else if (message.type === 'board' && boards++ > 0) {
        // A whole new board (a snapshot after a long gap): the timeline may have gaps too.
        load();
      }
    });
    load();
    return () => {
      current = false;
      unsubscribe();
    };
  }, [api, incidentId]);

  return state;
}
