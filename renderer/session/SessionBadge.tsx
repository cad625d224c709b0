import { useState } from 'react';
import { useSitroomApi } from '../api-context';
import { signOut, useSessionStore } from './session-store';

/** Who is at this console, with sign out; in open local mode there is nobody to sign out. */
export function SessionBadge() {
  const api = useSitroomApi();
  const state = useSessionStore((store) => store.state);
  const [signingOut, setSigningOut] = useState(false);
  if (state.kind !== 'signed-in') return null;
  const { user, openMode } = state.session;
  const leave = (): void => {
    setSigningOut(true);
    const done = (): void => setSigningOut(false);
    signOut(api).then(done, done);
  };
  return (
    <div className="session" data-testid="session">
      <span className="session__who">
        <span className="session__name">{user.name}</span>
        <span className="session__role">{user.role}</span>
      </span>
      {openMode ? (
        <span
          className="session__open-mode"
          title="No users.yaml: everyone at this hub is admin, on this machine only"
        >
          Open local mode
        </span>
      ) : (
        <button type="button" className="button button--quiet" onClick={leave} disabled={signingOut}>
          Sign out
        </button>
      )}
    </div>
  );
}
