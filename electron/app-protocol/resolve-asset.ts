import path from 'node:path';
import { isAppUrl, parseUrl } from '../security/app-origin';

// Maps a sitroom://console/... request to a file of the web build. Anything that would leave the
// build folder (.., encoded separators, NUL) resolves to nothing; paths without an extension are
// client-side routes and get index.html, as the hub does for browsers.

/** The file under webRoot that answers requestUrl, or null when the request is not ours or unsafe. */
export function resolveAppAsset(requestUrl: string, webRoot: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const url = parseUrl(requestUrl);
  if (url === null) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative =
    segments.length === 0 || path.posix.extname(pathname) === '' ? 'index.html' : segments.join('/');
  const root = path.resolve(webRoot);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}
