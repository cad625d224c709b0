import { useEffect } from 'react';
import { useSitroomApi } from '../api-context';
import { useBoardStore } from '../state/board-store';
import { TOKEN_STORAGE_KEY } from '../web/web-token';
import { checkSession, useSessionStore } from './session-store';

/** Keeps the session in step with the hub: checked at start, again when the link comes back, dropped when refused. */
export function useSessionSync(): void {
  const api = useSitroomApi();
  const status = useBoardStore((state) => state.connection.status);
  const refused = useBoardStore((state) => state.connection.reason === 'unauthorized');

  useEffect(() => {
    void checkSession(api);
  }, [api]);

  useEffect(() => {
    // Ask rather than assume: the refusal may be of the token the console had before the person
    // signed in a moment ago (its link reconnects with the new one), or of a revoked one.
    if (refused) void checkSession(api);
  }, [api, refused]);

  useEffect(() => {
    // The hub was unreachable when we asked, or another tab of this browser signed in (its token
    // reached the console's worker, which connected with it): ask again once the link is live.
    const kind = useSessionStore.getState().state.kind;
    if (status === 'live' && (kind === 'unknown' || kind === 'signed-out')) void checkSession(api);
  }, [api, status]);

  useEffect(() => {
    // Another tab signed in or out. The shared worker may have gone live with that tab's token
    // before this tab could read it (localStorage reaches other tabs with the storage event), so
    // the check above may have asked with no token: ask again now that this tab has it.
    const onStorage = (event: StorageEvent): void => {
      if (event.key === TOKEN_STORAGE_KEY || event.key === null) void checkSession(api);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [api]);
}
