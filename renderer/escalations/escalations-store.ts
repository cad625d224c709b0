import { create } from 'zustand';
import type { SitroomApi } from '../../shared/api';
import type { EscalationsResponse } from '../../shared/escalation/escalations-view';
import { errorMessage } from '../error-message';

// The hub's last answer to GET /api/v1/escalations. Asked when the view opens and again when the
// replica shows an escalation change; requests never overlap, and a change seen mid-request asks
// once more afterwards, so the answer on screen is never older than the last change.

export interface EscalationsStore {
  readonly answer: EscalationsResponse | null;
  /** When the answer arrived (console clock). */
  readonly answeredAt: number | null;
  readonly loading: boolean;
  /** Why the last request failed; the previous answer stays on screen meanwhile. */
  readonly failure: string | null;
}

export const useEscalationsStore = create<EscalationsStore>()(() => ({
  answer: null,
  answeredAt: null,
  loading: false,
  failure: null,
}));

let inFlight = false;
let askAgain = false;

/** Asks the hub for the escalations and on-call, unless a request is on its way (then once more after it). */
export function refreshEscalations(api: SitroomApi): void {
  if (inFlight) {
    askAgain = true;
    return;
  }
  inFlight = true;
  void (async () => {
    try {
      do {
        askAgain = false;
        await fetchOnce(api);
      } while (askAgain);
    } finally {
      inFlight = false;
    }
  })();
}

async function fetchOnce(api: SitroomApi): Promise<void> {
  useEscalationsStore.setState({ loading: true });
  try {
    const answer = await api.escalations();
    useEscalationsStore.setState({ answer, answeredAt: Date.now(), loading: false, failure: null });
  } catch (error) {
    useEscalationsStore.setState({ loading: false, failure: errorMessage(error) });
  }
}
