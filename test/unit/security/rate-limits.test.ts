import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HubGuard, LIMITS, requestKind, sourceKey } from '../../../server/security/hub-guard';
import { RateLimiter } from '../../../server/security/rate-limit';

describe('RateLimiter', () => {
  it('lets a burst through, then one per interval, and says when the next will pass', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perSecond: 0.5 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(limiter.take('b').ok).toBe(true);
    now = 2_000;
    expect(limiter.check('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('is off at 0 per second', () => {
    const limiter = new RateLimiter({ burst: 0, perSecond: 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take('a').ok).toBe(true);
  });

  it('forgets senders rather than grow without bound under a flood of new ones', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 1, perSecond: 1 }, () => now);
    for (let i = 0; i < 25_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`);
    now = 1;
    expect(limiter.take('fresh').ok).toBe(true);
  });
});

describe('HubGuard', () => {
  const request = (url: string, address = '10.1.2.3') =>
    ({
      url,
      headers: { host: '127.0.0.1:7420' },
      socket: { remoteAddress: address },
    }) as unknown as IncomingMessage;

  it('limits socket.io handshakes per address with 429, not the polls of an open session', () => {
    const guard = new HubGuard({
      allowedHosts: [],
      allowedOrigins: [],
      listenHost: '127.0.0.1',
      ingestPerSecond: 0,
      commandsPerSecond: 0,
    });
    for (let i = 0; i < LIMITS.handshakes.burst; i++)
      expect(guard.admit(request('/socket.io/?EIO=4&transport=websocket'))).toBeNull();
    const refused = guard.admit(request('/socket.io/?EIO=4&transport=websocket'));
    expect(refused?.status).toBe(429);
    expect(refused?.headers?.['retry-after']).toMatch(/^\d+$/);
    expect(guard.admit(request('/socket.io/?EIO=4&transport=polling&sid=abc'))).toBeNull();
    expect(guard.admit(request('/socket.io/?EIO=4&transport=websocket', '10.9.9.9'))).toBeNull();
  });

  it('sorts requests by the limits that apply, from the path alone', () => {
    expect(requestKind('/v2/enqueue')).toBe('ingest');
    expect(requestKind('/api/v1/ingest/alertmanager')).toBe('ingest');
    expect(requestKind('/api/v1/commands')).toBe('console');
    // A scraper's wrong token counts like a console's failed sign-in (docs/metrics.md).
    expect(requestKind('/metrics')).toBe('console');
    expect(requestKind('/socket.io/?EIO=4')).toBe('handshake');
    expect(requestKind('/assets/index.js')).toBe('other');
  });

  it('counts an IPv6 sender by its /64 and an IPv4-mapped one by its IPv4 address', () => {
    expect(sourceKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(sourceKey('::1')).toBe('::1');
    expect(sourceKey(undefined)).toBe('unknown');
  });
});
