import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunbookView } from '../../shared/api';
import type { Change } from '../../shared/changes/change';
import type { HubEvent } from '../../shared/events';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { hubUnreachable } from '../hub-unreachable';
import { useBoardStore } from '../state/board-store';
import { appendLiveEvents, mergeFetchedEvents } from './timeline-merge';

export interface IncidentRecordState {
  readonly status: 'loading' | 'loaded' | 'failed';
  readonly events: ReadonlyArray<HubEvent>;
  readonly runbook: RunbookView | null;
  /** What changed before it opened (services and dependencies, the hour before), newest first. */
  readonly changes: ReadonlyArray<Change>;
  readonly message: string | null;
}

const LOADING: IncidentRecordState = {
  status: 'loading',
  events: [],
  runbook: null,
  changes: [],
  message: null,
};
const NO_EVENTS: ReadonlyArray<HubEvent> = [];

/**
 * The incident's whole timeline and runbook: fetched when the view opens, with the live events
 * the page's feed carries for the incident on screen after it, and fetched again after a
 * reconnect or a whole new board (events may have been missed).
 */
export function useIncidentRecord(incidentId: string): IncidentRecordState {
  const api = useSitroomApi();
  const [fetched, setFetched] = useState<IncidentRecordState>(LOADING);
  const live = useBoardStore((state) =>
    state.timeline.incidentId === incidentId ? state.timeline.events : NO_EVENTS,
  );
  const status = useBoardStore((state) => state.connection.status);
  const resets = useBoardStore((state) => state.resets);
  const lastStatus = useRef(status);
  const [asked, setAsked] = useState(0);

  // Back to live after being away, or a new board: ask again.
  useEffect(() => {
    const was = lastStatus.current;
    lastStatus.current = status;
    if (was !== 'live' && status === 'live') setAsked((count) => count + 1);
  }, [status]);

  // Another incident opened in the same view: start from nothing, not from the last one's timeline.
  // biome-ignore lint/correctness/useExhaustiveDependencies: incidentId is the cue.
  useEffect(() => setFetched(LOADING), [incidentId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked and resets are cues to fetch again, not inputs.
  useEffect(() => {
    let current = true;
    api.incidentRecord(incidentId).then(
      (record) => {
        if (!current) return;
        setFetched((previous) => ({
          status: 'loaded',
          events: mergeFetchedEvents(previous.events, record.events, incidentId),
          runbook: record.runbook,
          changes: record.changes,
          message: null,
        }));
      },
      (error: unknown) => {
        // Keep whatever timeline we have: a failed refresh should not blank the screen.
        if (current)
          setFetched((previous) => ({ ...previous, status: 'failed', message: failureText(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, incidentId, asked, resets]);

  const events = useMemo(
    () => appendLiveEvents(fetched.events, live, incidentId),
    [fetched.events, live, incidentId],
  );
  return events === fetched.events ? fetched : { ...fetched, events };
}

/** Why the record could not be had; offline, that it comes by itself once the hub is back (asked again then). */
function failureText(error: unknown): string {
  return hubUnreachable(error)
    ? 'the hub cannot be reached. It loads once the hub is back.'
    : errorMessage(error);
}
