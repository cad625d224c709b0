// A console's identity across reloads, so the hub can tell a returning wall display from a new
// one. crypto.randomUUID only exists in secure contexts and a kiosk may reach the hub over plain
// http on the LAN, so the id is made from getRandomValues, which exists everywhere.

const CLIENT_ID_KEY = 'sitroom.clientId';

/** The id stored in this browser profile, created on first use. */
export function persistentClientId(storage: Storage | undefined = safeLocalStorage()): string {
  const stored = readItem(storage, CLIENT_ID_KEY);
  if (stored) return stored;
  const created = `web-${randomHex(16)}`;
  try {
    storage?.setItem(CLIENT_ID_KEY, created);
  } catch {
    // Storage full or disabled: the console still works, it just looks new after a reload.
  }
  return created;
}

function randomHex(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function readItem(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    // Merely touching localStorage throws when the profile forbids site data.
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
