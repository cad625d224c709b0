import { isAppUrl, parseUrl } from './app-origin';

// Decisions for the window's navigation hooks. They take strings and return values so the whole
// policy is tested in Node; electron/window/harden-web-contents.ts only applies them.

/** will-navigate / will-redirect: stay on the console's own origin, nowhere else. */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

const MAX_EXTERNAL_URL_LENGTH = 4096;

/**
 * The URL to hand to shell.openExternal, or null when it must not be opened. Only http(s) after a
 * real `new URL()` parse: javascript:, file:, data:, custom schemes (which launch other programs)
 * and URLs carrying credentials are refused.
 */
export function externalUrlToOpen(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const url = parseUrl(raw);
  if (url === null) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** What to do with a window.open / target=_blank request: never a new window, maybe the browser. */
export interface WindowOpenDecision {
  readonly action: 'deny';
  readonly openExternally: string | null;
}

/** window.open always denied; http(s) links (alert links, runbooks) go to the system browser. */
export function decideWindowOpen(targetUrl: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalUrlToOpen(targetUrl) };
}
