import { useEffect } from 'react';
import type { EscalationsResponse } from '../../shared/escalation/escalations-view';
import { useSitroomApi } from '../api-context';
import { useSession } from '../session/session-store';
import { useBoardStore } from '../state/board-store';
import { useClockStore } from '../state/clock-store';
import { escalationSignature } from './escalation-rows';
import { refreshEscalations, useEscalationsStore } from './escalations-store';

/**
 * Keeps the hub's escalations answer fresh while the escalation view is open: asked on opening,
 * when the replica shows an escalation starting, paging or stopping, when the link comes back or
 * someone else signs in, and when a rotation hands over.
 */
export function useEscalationsFeed(): void {
  const api = useSitroomApi();
  const signature = useBoardStore((state) => escalationSignature(state.active));
  const live = useBoardStore((state) => state.connection.status === 'live');
  const userId = useSession()?.user.id ?? null;
  const answer = useEscalationsStore((state) => state.answer);
  const passedHandoff = useClockStore((state) => handoffPassed(answer, state.now));

  // biome-ignore lint/correctness/useExhaustiveDependencies: signature and userId are cues to ask again (a page, a stop, another sign-in), not inputs.
  useEffect(() => {
    if (live) refreshEscalations(api);
  }, [api, signature, live, userId]);

  useEffect(() => {
    if (passedHandoff !== null) refreshEscalations(api);
  }, [api, passedHandoff]);
}

/** The earliest on-call handoff in the answer that `now` has passed, or null while none has. */
export function handoffPassed(answer: EscalationsResponse | null, now: number): number | null {
  let passed: number | null = null;
  for (const rotation of answer?.oncall ?? []) {
    const until = rotation.until === null ? null : Date.parse(rotation.until);
    if (until !== null && until <= now && (passed === null || until < passed)) passed = until;
  }
  return passed;
}
