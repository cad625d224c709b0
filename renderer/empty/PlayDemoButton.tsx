import { useState } from 'react';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';
import { loadCatalog } from '../map/catalog-store';
import { usePeopleStore } from '../session/people-store';

type DemoState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'started' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Plays the hub's demo outage across the example estate, so a new operator sees every view alive
 * before wiring up monitoring.
 */
export function PlayDemoButton({ alreadyRunning }: { readonly alreadyRunning: boolean }) {
  const api = useSitroomApi();
  const [state, setState] = useState<DemoState>({ kind: 'idle' });
  const running = alreadyRunning || state.kind === 'started';
  const play = (): void => {
    setState({ kind: 'starting' });
    api.playDemo().then(
      () => {
        setState({ kind: 'started' });
        // A hub without a configuration now runs the example estate: its catalog and people
        // are new, and the map and pickers must not keep the empty ones.
        void loadCatalog(api);
        usePeopleStore.setState({ fetchedFor: null });
      },
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
