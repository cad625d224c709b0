import type { IncomingMessage } from 'node:http';
import { type HttpError, tooManyRequests } from '../http/errors';
import { clientAddress, plainAddress } from './client-address';
import { createOriginPolicy, type OriginPolicy, type OriginPolicyOptions } from './origin-policy';
import { type RateDecision, RateLimiter } from './rate-limit';

// Everything the hub checks about a request before it looks at what the request asks: where it
// comes from (Host, Origin) and how often that sender has been here (rate limits). One per hub;
// routes.ts and sync-server.ts ask it, front-door.ts puts it in front of both.

export interface HubGuardOptions extends OriginPolicyOptions {
  /** Ingest requests per second per sending address; 0 turns that limit off. */
  readonly ingestPerSecond: number;
  /** Commands per second per user (a burst of six seconds' worth); 0 turns that limit off. */
  readonly commandsPerSecond: number;
  /** Reverse proxies whose X-Forwarded-For names the sender (--trusted-proxy); none by default. */
  readonly trustedProxies?: ReadonlyArray<string>;
  readonly now?: () => number;
}

/** The limits (docs/security.md lists them; docs/configuration.md the one that can be set). */
export const LIMITS = {
  /** Failed sign-ins (API or socket) per address: 10 at once, then one every 6 s. */
  consoleAuthFailures: { burst: 10, perSecond: 1 / 6 },
  /** Failed ingest credentials per address, kept apart so a misconfigured sender locks out no person. */
  ingestAuthFailures: { burst: 20, perSecond: 1 / 3 },
  /** socket.io handshakes per address: a NOC's consoles behind one NAT reconnecting after a restart. */
  handshakes: { burst: 300, perSecond: 10 },
} as const;

export type RequestKind = 'console' | 'handshake' | 'ingest' | 'other';

export class HubGuard {
  private readonly origins: OriginPolicy;
  private readonly consoleFailures: RateLimiter;
  private readonly ingestFailures: RateLimiter;
  private readonly handshakes: RateLimiter;
  private readonly commands: RateLimiter;
  private readonly ingest: RateLimiter;
  private readonly trustedProxies: ReadonlySet<string>;

  constructor(options: HubGuardOptions) {
    const now = options.now ?? Date.now;
    this.trustedProxies = new Set((options.trustedProxies ?? []).map(plainAddress));
    this.origins = createOriginPolicy(options);
    this.consoleFailures = new RateLimiter(LIMITS.consoleAuthFailures, now);
    this.ingestFailures = new RateLimiter(LIMITS.ingestAuthFailures, now);
    this.handshakes = new RateLimiter(LIMITS.handshakes, now);
    // The outbox sends one command at a time, so only a runaway client meets this.
    this.commands = new RateLimiter(
      { burst: Math.max(1, options.commandsPerSecond * 6), perSecond: options.commandsPerSecond },
      now,
    );
    this.ingest = new RateLimiter(
      { burst: Math.max(1, options.ingestPerSecond * 2), perSecond: options.ingestPerSecond },
      now,
    );
  }

  /** The first refusal for this request before anything reads it, or null. */
  admit(req: IncomingMessage): HttpError | null {
    const refused = this.origins.check(req.headers);
    if (refused) return refused;
    const source = this.sourceOf(req);
    switch (requestKind(req.url ?? '/')) {
      case 'console':
        return refusal(this.consoleFailures.check(source), 'Too many failed sign-ins from this address.');
      case 'handshake':
        return (
          refusal(this.consoleFailures.check(source), 'Too many failed sign-ins from this address.') ??
          refusal(this.handshakes.take(source), 'Too many connections from this address.')
        );
      case 'ingest':
        return (
          refusal(
            this.ingestFailures.check(source),
            'Too many deliveries with wrong credentials from this address.',
          ) ?? refusal(this.ingest.take(source), 'Too many deliveries from this address.')
        );
      case 'other':
        return null;
    }
  }

  /**
   * 429 for an address locked out of signing in, checked before a token is looked at where the
   * route itself is open to all (/healthz): a locked-out guesser must not learn a right guess.
   */
  signInRefused(req: IncomingMessage): HttpError | null {
    return refusal(
      this.consoleFailures.check(this.sourceOf(req)),
      'Too many failed sign-ins from this address.',
    );
  }

  /** Notes a console sign-in that failed; the answer is 401, or 429 once the address is locked out. */
  consoleAuthFailed(req: IncomingMessage, unauthorized: HttpError): HttpError {
    return (
      refusal(this.consoleFailures.take(this.sourceOf(req)), 'Too many failed sign-ins from this address.') ??
      unauthorized
    );
  }

  /** The same for monitoring credentials. */
  ingestAuthFailed(req: IncomingMessage, unauthorized: HttpError): HttpError {
    return (
      refusal(
        this.ingestFailures.take(this.sourceOf(req)),
        'Too many deliveries with wrong credentials from this address.',
      ) ?? unauthorized
    );
  }

  /** Notes a socket handshake whose token was refused; true once the address is locked out. */
  handshakeAuthFailed(handshake: { address: string; headers: IncomingMessage['headers'] }): RateDecision {
    return this.consoleFailures.take(
      sourceKey(clientAddress(handshake.address, handshake.headers['x-forwarded-for'], this.trustedProxies)),
    );
  }

  /** The key a request's sender is counted under (the client behind a trusted proxy). */
  sourceOf(req: IncomingMessage): string {
    return sourceKey(
      clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.trustedProxies),
    );
  }

  /** One command for `userId`, or how long until the next may pass. */
  takeCommand(userId: string): RateDecision {
    return this.commands.take(userId);
  }
}

function refusal(decision: RateDecision, message: string): HttpError | null {
  return decision.ok ? null : tooManyRequests(message, decision.retryAfterSeconds);
}

/** Which limits apply: by path alone, before anything has been read. */
export function requestKind(url: string): RequestKind {
  const [path = '/', query = ''] = url.split('?', 2);
  if (path === '/socket.io/' || path === '/socket.io') {
    // A handshake has no session id yet; the polls and upgrade of a session it opened have one.
    return new URLSearchParams(query).has('sid') ? 'other' : 'handshake';
  }
  // PagerDuty's two endpoints and everything under /api/v1/ingest/ (alerts and changes alike).
  if (path === '/v2/enqueue' || path === '/v2/change/enqueue' || path.startsWith('/api/v1/ingest/'))
    return 'ingest';
  // A scraper's token is a user's token: its failures count like a console's.
  if (path.startsWith('/api/') || path === '/metrics') return 'console';
  return 'other';
}

/**
 * The key a sender is counted under: its IPv4 address, or the /64 network of an IPv6 address
 * (one host can hold a whole /64, so counting single addresses would count nothing).
 */
export function sourceKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::', 2);
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  if (groups.join(':') === '0:0:0:0:0:0:0:1') return '::1';
  return `${groups.slice(0, 4).join(':')}::/64`;
}
