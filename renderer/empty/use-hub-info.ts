import { useEffect, useState } from 'react';
import type { HubInfo } from '../../shared/protocol';
import { useSitroomApi } from '../api-context';
import { errorMessage } from '../error-message';

export type HubInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly info: HubInfo }
  | { readonly kind: 'failed'; readonly message: string };

/** Asks the host once where the hub is and how monitoring reaches it. */
export function useHubInfo(): HubInfoState {
  const api = useSitroomApi();
  const [state, setState] = useState<HubInfoState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    api.hubInfo().then(
      (info) => current && setState({ kind: 'loaded', info }),
      (error: unknown) => current && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return state;
}
