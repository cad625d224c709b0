import { useState } from 'react';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';

type DemoState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'started' }
  | { readonly kind: 'failed'; readonly message: string };

/** Plays the hub's demo outage, so a new operator sees a busy board before wiring up monitoring. */
export function PlayDemoButton({ alreadyRunning }: { readonly alreadyRunning: boolean }) {
  const api = useSitroomApi();
  const [state, setState] = useState<DemoState>({ kind: 'idle' });
  const running = alreadyRunning || state.kind === 'started';
  const play = (): void => {
    setState({ kind: 'starting' });
    api.playDemo().then(
      () => setState({ kind: 'started' }),
      (error: unknown) => setState({ kind: 'failed', message: errorMessage(error) }),
    );
  };
  return (
    <div className="play-demo">
      <button
        type="button"
        className="play-demo__button"
        onClick={play}
        disabled={running || state.kind === 'starting'}
      >
        Play demo scenario
      </button>
      <span className="play-demo__note" role="status">
        {state.kind === 'starting' ? 'Starting the demo…' : null}
        {running ? 'Demo running: incidents will appear in a moment.' : null}
        {state.kind === 'failed' ? `Could not start the demo: ${state.message}` : null}
      </span>
    </div>
  );
}
