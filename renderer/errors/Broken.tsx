import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

// What a region that could not be shown says instead: which item, that it is broken, and why in
// one line. data-broken lets kiosk checks and the tests count walls that lost something.

export function BrokenNotice({
  what,
  error,
  back,
}: {
  readonly what: string;
  readonly error: Error;
  readonly back?: () => void;
}) {
  return (
    <div className="broken" role="alert" data-broken={what}>
      <strong>{what} cannot be shown</strong> — its data is damaged ({error.message}). The rest of the console
      keeps working.
      {back ? (
        // Focused so Enter (or a click) leads straight back; `g b` works as everywhere.
        <button
          type="button"
          className="button broken__back"
          onClick={back}
          ref={(button) => button?.focus()}
        >
          ← Board
        </button>
      ) : null}
    </div>
  );
}

/** A region of the console behind its own error boundary. */
export function Guarded({
  what,
  resetKey,
  back,
  children,
}: {
  readonly what: string;
  readonly resetKey?: unknown;
  /** For a view over the board: how to get back to it when the view is broken. */
  readonly back?: () => void;
  readonly children: ReactNode;
}) {
  return (
    <ErrorBoundary
      name={what}
      resetKey={resetKey}
      fallback={(error) => <BrokenNotice what={what} error={error} {...(back ? { back } : {})} />}
    >
      {children}
    </ErrorBoundary>
  );
}
