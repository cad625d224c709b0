import { type FormEvent, useState } from 'react';
import { useSitroomApi } from '../api-context';
import { Dialog } from '../dialog/Dialog';
import { errorMessage } from '../error-message';
import { signIn, useSessionStore } from './session-store';

/** Asks for a Sitroom token whenever the hub wants one; it cannot be dismissed, only answered. */
export function SignInGate() {
  const signedOut = useSessionStore((store) => store.state.kind === 'signed-out');
  return signedOut ? <SignInDialog /> : null;
}

function SignInDialog() {
  const api = useSitroomApi();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn(api, token).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(errorMessage(failure));
      },
    );
  };
  return (
    <Dialog title="Sign in to Sitroom" className="sign-in">
      <form onSubmit={submit} className="sign-in__form">
        <p className="dialog__text">This hub needs your Sitroom token. Your administrator gives it to you.</p>
        <p className="dialog__text">
          A hub without users (open local mode) makes a new key each time it starts: open the console with the
          link it printed, or paste what follows <code>#token=</code> in that link.
        </p>
        <label className="field">
          <span className="field__label">Token</span>
          <input
            type="password"
            className="field__input"
            autoComplete="current-password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            required
          />
        </label>
        <p className="sign-in__error" role="alert">
          {error}
        </p>
        <div className="dialog__buttons">
          <button type="submit" className="button button--primary" disabled={busy || token.trim() === ''}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
