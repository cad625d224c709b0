import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';

// What a region that could not be shown says instead: which item, that it is broken, and why in
// one line. data-broken lets kiosk checks and the tests count walls that lost something.

export function BrokenNotice({ what, error }: { readonly what: string; readonly error: Error }) {
  return (
    <div className="broken" role="alert" data-broken={what}>
      <strong>{what} cannot be shown</strong> — its data is damaged ({error.message}). The rest of the console
      keeps working.
    </div>
  );
}

/** A region of the console behind its own error boundary. */
export function Guarded({
  what,
  resetKey,
  children,
}: {
  readonly what: string;
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}) {
  return (
    <ErrorBoundary
      name={what}
      resetKey={resetKey}
      fallback={(error) => <BrokenNotice what={what} error={error} />}
    >
      {children}
    </ErrorBoundary>
  );
}
