import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { HttpError } from '../http/errors';

// Who may talk to the hub from a browser. Two checks on every request, HTTP and socket.io alike:
// - Host: an IP literal, localhost, or a name the hub was told it has. A page on evil.example
//   that re-points its DNS name at 127.0.0.1 (DNS rebinding) sends `Host: evil.example` and stops
//   here with 421, since its own origin would otherwise pass as "same origin".
// - Origin: when a browser says where the calling page comes from, it must be the hub itself
//   (same host and port as the Host it asked for) or an origin the hub was told to trust. Tools
//   that are not browsers (Alertmanager, curl, the desktop app's main process) send no Origin.

export interface OriginPolicyOptions {
  /** Extra names the hub answers to (its DNS names), with or without a port. */
  readonly allowedHosts: ReadonlyArray<string>;
  /** Extra origins whose pages may call the hub, e.g. https://noc.example.org. */
  readonly allowedOrigins: ReadonlyArray<string>;
  /** The --host the hub listens on; a name there is one of its own. */
  readonly listenHost: string;
}

export interface OriginPolicy {
  /** Null when the request may go on; else the refusal to send. */
  check(headers: IncomingHttpHeaders): HttpError | null;
}

/** Host headers whose answer is remembered. */
const KNOWN_HOSTS = 64;

export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const names = new Set(
    [...options.allowedHosts, options.listenHost, 'localhost'].map((name) => hostnameOf(name) ?? ''),
  );
  names.delete('');
  const origins = new Set(options.allowedOrigins.map((origin) => originOf(origin)).filter((o) => o !== null));

  // Every request carries a Host, nearly always one of a few: each is parsed (a URL) once. The
  // header is the sender's text, so the memory is bounded and starts over when full.
  const known = new Map<string, boolean>();
  const hostAllowed = (host: string): boolean => {
    const remembered = known.get(host);
    if (remembered !== undefined) return remembered;
    const name = hostnameOf(host);
    const allowed = name !== null && (names.has(name) || isIP(name.replace(/^\[|\]$/g, '')) !== 0);
    if (known.size >= KNOWN_HOSTS) known.clear();
    known.set(host, allowed);
    return allowed;
  };

  return {
    check(headers) {
      const host = headers.host;
      if (!host || !hostAllowed(host)) {
        return new HttpError(
          421,
          'unknown_host',
          `This hub does not answer to ${host ? `"${host}"` : 'a request without Host'}; if that is its name, start it with --allowed-host ${hostnameOf(host ?? '') ?? 'NAME'}.`,
        );
      }
      const origin = headers.origin;
      if (origin === undefined) return null;
      const parsed = originOf(origin);
      if (parsed !== null && (sameHost(parsed, host) || origins.has(parsed))) return null;
      return new HttpError(
        403,
        'foreign_origin',
        `Pages from ${JSON.stringify(origin)} may not call this hub; open the console from the hub itself, or start it with --allowed-origin.`,
      );
    },
  };
}

/** "hub.example:7420" → "hub.example"; "[::1]:80" → "[::1]"; null when it is not a host. */
function hostnameOf(host: string): string | null {
  try {
    const url = new URL(`http://${host.trim()}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return url.hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The origin of an Origin header value, or null for "null" and anything unparseable. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function sameHost(origin: string, host: string): boolean {
  return new URL(origin).host === new URL(`http://${host.trim()}`).host.toLowerCase();
}
