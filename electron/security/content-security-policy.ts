import { emptyDict } from '../../shared/dict';
import { parseUrl } from './app-origin';

// The response-header CSP, a second line behind the renderer's own <meta> CSP: if the HTML is
// ever served without it (or the meta is edited), this still holds. Both apply, so this one must
// not be stricter than what the console legitimately needs.

/** Builds the console's CSP; the hub origin is allowed for fetches and its websocket. */
export function contentSecurityPolicy(hubUrl: string | null): string {
  const connect = ["'self'"];
  const hub = hubUrl === null ? null : parseUrl(hubUrl);
  if (hub && (hub.protocol === 'http:' || hub.protocol === 'https:')) {
    const socketScheme = hub.protocol === 'https:' ? 'wss:' : 'ws:';
    connect.push(hub.origin, `${socketScheme}//${hub.host}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "media-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Response headers with our CSP (and friends) set, replacing any CSP the response carried. */
export function withSecurityHeaders(
  headers: Readonly<Record<string, ReadonlyArray<string>>>,
  csp: string,
): Record<string, string[]> {
  // Header names come from whatever server answered: a table without a prototype.
  const result = emptyDict<string[]>();
  for (const [name, values] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = [...values];
  }
  result['Content-Security-Policy'] = [csp];
  result['X-Content-Type-Options'] = ['nosniff'];
  return result;
}
