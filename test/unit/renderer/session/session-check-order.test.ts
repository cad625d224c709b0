import { describe, expect, it } from 'vitest';
import { checkSession, useSessionStore } from '../../../../renderer/session/session-store';
import type { SitroomApi } from '../../../../shared/api';
import type { Session } from '../../../../shared/protocol';
import { unusedApi } from '../fake-api';

// Two tabs share one console worker: when another tab signs in, this tab may ask "who am I?"
// once with no token (its link went live first) and again with the token. The answers can come
// back in either order; the older question's answer must never win.

const OLIVE: Session = { user: { id: 'olive', name: 'Olive', role: 'operator' }, openMode: false };

function apiAnswering(answers: Array<Promise<Session | null>>): SitroomApi {
  let asked = 0;
  return unusedApi({ session: () => answers[asked++] ?? Promise.resolve(null) });
}

describe('checking the session', () => {
  it('keeps the answer to the latest question when an older one arrives last', async () => {
    let answerOld: (session: Session | null) => void = () => {};
    const old = new Promise<Session | null>((resolve) => {
      answerOld = resolve;
    });
    const api = apiAnswering([old, Promise.resolve(OLIVE)]);
    const first = checkSession(api);
    await checkSession(api);
    answerOld(null);
    await first;
    expect(useSessionStore.getState().state).toEqual({ kind: 'signed-in', session: OLIVE });
  });
});
