import { create } from 'zustand';
import type { SitroomApi } from '../../shared/api';
import type { Session } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import { errorMessage } from '../error-message';

// Who this console is signed in as. "signed-out" means the hub wants a token it does not have
// (or refused the one we sent): the sign-in dialog shows. "unknown" covers the hub being
// unreachable: the board may still show a cached picture, and we ask again when the link is back.

export type SessionState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed-in'; readonly session: Session }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'unknown'; readonly message: string };

interface SessionStore {
  readonly state: SessionState;
}

export const useSessionStore = create<SessionStore>()(() => ({ state: { kind: 'checking' } }));

const set = (state: SessionState): void => useSessionStore.setState({ state });

/** Counts checks, so an answer to an older question (asked with an older token) never wins. */
let checks = 0;

/** Asks the host who we are. */
export async function checkSession(api: SitroomApi): Promise<void> {
  const check = ++checks;
  try {
    const session = await api.session();
    if (check !== checks) return;
    set(session ? { kind: 'signed-in', session } : { kind: 'signed-out' });
  } catch (error) {
    if (check !== checks) return;
    // Keep a known session through a hub restart: the link indicator already says we are offline.
    if (useSessionStore.getState().state.kind !== 'signed-in')
      set({ kind: 'unknown', message: errorMessage(error) });
  }
}

/** Signs in with a token; rejects with the hub's explanation for the dialog to show. */
export async function signIn(api: SitroomApi, token: string): Promise<void> {
  const session = await api.signIn(token);
  checks++; // a check still on its way asked with the token before this one
  set({ kind: 'signed-in', session });
}

export async function signOut(api: SitroomApi): Promise<void> {
  await api.signOut();
  await checkSession(api);
}

/** The signed-in session, or null. */
export const useSession = (): Session | null =>
  useSessionStore((store) => (store.state.kind === 'signed-in' ? store.state.session : null));

/** The role actions are checked against: a console that does not know who it is may only watch. */
export const useRole = (): Role => useSession()?.user.role ?? 'viewer';

/** The least role that may silence alerts on this hub (integrations.yaml silence_role). */
export const useSilenceRole = (): Role => useSession()?.silenceRole ?? 'commander';

/**
 * The integrations the hub can silence alerts in (those with an api_url), or undefined when the
 * hub does not say (an older hub): then silencing is offered and the hub decides.
 */
export const useSilenceApis = (): ReadonlyArray<string> | undefined => useSession()?.silenceApis;
