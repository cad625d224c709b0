// The browser console's sign-in token. It lives in localStorage so a wall display stays signed
// in across reloads. A kiosk is provisioned with a `#token=…` address instead (and the hub prints
// its open-mode key the same way): the fragment is never sent to the hub nor written in a proxy's
// log, and it is taken once, stored, and removed from the address bar so it does not linger in
// history or on screen. The older `?token=…` is still taken, with a warning: it has already
// travelled to the server by the time the page reads it.

export const TOKEN_STORAGE_KEY = 'sitroom.token';
const TOKEN_QUERY_PARAMETER = 'token';

export interface TokenStore {
  read(): string | null;
  write(token: string): void;
  clear(): void;
}

/** A token store over a Storage; a profile that forbids site data just forgets the token. */
export function storageTokenStore(storage: Storage | undefined): TokenStore {
  // Kept in memory too: when storage refuses writes, the console stays signed in until reload.
  let memory: string | null = null;
  return {
    read() {
      try {
        return storage?.getItem(TOKEN_STORAGE_KEY) ?? memory;
      } catch {
        return memory;
      }
    },
    write(token) {
      memory = token;
      try {
        storage?.setItem(TOKEN_STORAGE_KEY, token);
      } catch {
        // Storage full or disabled: the in-memory copy serves this visit.
      }
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(TOKEN_STORAGE_KEY);
      } catch {
        // Nothing stored to clear.
      }
    },
  };
}

export interface TakenToken {
  readonly token: string;
  /** The address without the token, as it should stay in the address bar and history. */
  readonly cleanUrl: string;
  /** Where it was: the fragment (as it should be) or the query (sent to the server already). */
  readonly from: 'fragment' | 'query';
}

/** The token in the address (fragment first) and the address without it, or null when none. */
export function takeTokenFromUrl(href: string): TakenToken | null {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const inFragment = fragment.get(TOKEN_QUERY_PARAMETER);
  const inQuery = url.searchParams.get(TOKEN_QUERY_PARAMETER);
  if (inFragment === null && inQuery === null) return null;
  fragment.delete(TOKEN_QUERY_PARAMETER);
  url.searchParams.delete(TOKEN_QUERY_PARAMETER);
  const rest = fragment.toString();
  url.hash = rest === '' ? '' : `#${rest}`;
  return {
    token: (inFragment ?? inQuery ?? '').trim(),
    cleanUrl: url.href,
    from: inFragment !== null ? 'fragment' : 'query',
  };
}

/** Moves a `#token=` (or an old `?token=`) from the address bar into the store (once, at start-up). */
export function adoptTokenFromAddressBar(store: TokenStore): void {
  const taken = takeTokenFromUrl(window.location.href);
  if (!taken) return;
  if (taken.token !== '') store.write(taken.token);
  window.history.replaceState(window.history.state, '', taken.cleanUrl);
  if (taken.from === 'query')
    console.warn('[sitroom] a ?token= in the address reaches the hub and proxy logs; use #token= instead');
}

/** localStorage, or undefined where merely touching it throws (site data disabled). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
