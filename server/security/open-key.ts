import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

// Open local mode (no users.yaml) has one user, the local admin. "Local" must mean the person at
// this machine who started the hub, not every page in every browser on it, nor another account on
// a shared machine: so even open mode wants a token, a key made fresh at each start. It reaches
// the person through the console URL the hub prints (after `#`, which browsers never send) and
// the desktop app, which makes the key itself and hands it to its embedded hub.

export interface OpenKey {
  readonly value: string;
  /** True when whoever started the hub chose it (SITROOM_OPEN_KEY), so it is not printed. */
  readonly given: boolean;
}

/** 32 random bytes as base64url: 43 characters, unguessable, safe in a URL fragment. */
export function newOpenKey(): string {
  return randomBytes(32).toString('base64url');
}

export function openKeyFrom(given: string | null): OpenKey {
  return given === null ? { value: newOpenKey(), given: false } : { value: given, given: true };
}

/** Compares a presented token with the key without leaking how much of it matched. */
export function matchesOpenKey(key: string, token: string | null): boolean {
  if (!token) return false;
  // crypto.hash: one call per digest rather than a Hash object (and no closure named per call).
  return timingSafeEqual(hash('sha256', key, 'buffer'), hash('sha256', token, 'buffer'));
}

/** The console URL with the key after `#token=`, as printed for the person who started the hub. */
export function consoleUrlWithKey(consoleUrl: string, key: string): string {
  return `${consoleUrl}#token=${key}`;
}
