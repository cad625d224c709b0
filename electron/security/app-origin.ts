// Inside Electron the renderer is served from a privileged custom scheme rather than file://.
// file:// pages share one opaque origin with every other local file, break Vite's absolute asset
// paths and make "is this our page?" a path comparison; sitroom://console gives the console a real
// origin that CSP 'self', sender checks and navigation rules can name exactly.

export const APP_SCHEME = 'sitroom';
export const APP_HOST = 'console';
/** The console's entry page inside Electron. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Parses a URL, or returns null for anything `new URL()` rejects. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for URLs of our own console origin (no credentials or port tricks). */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
