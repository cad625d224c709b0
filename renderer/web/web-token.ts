// The browser console's sign-in token. It lives in localStorage so a wall display stays signed
// in across reloads; a kiosk can be provisioned with a `?token=…` URL instead, which is taken
// once, stored, and removed from the address bar so it does not linger in history or on screen.

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

/** The location without its token parameter, or null when the URL carries no token. */
export function takeTokenFromUrl(href: string): { readonly token: string; readonly cleanUrl: string } | null {
  const url = new URL(href);
  const token = url.searchParams.get(TOKEN_QUERY_PARAMETER);
  if (token === null) return null;
  url.searchParams.delete(TOKEN_QUERY_PARAMETER);
  return { token: token.trim(), cleanUrl: url.href };
}

/** Moves a `?token=` from the address bar into the store (once, at start-up). */
export function adoptTokenFromAddressBar(store: TokenStore): void {
  const taken = takeTokenFromUrl(window.location.href);
  if (!taken) return;
  if (taken.token !== '') store.write(taken.token);
  window.history.replaceState(window.history.state, '', taken.cleanUrl);
}

/** localStorage, or undefined where merely touching it throws (site data disabled). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
