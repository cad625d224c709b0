import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from '../../../server/security/origin-policy';

// The Host check remembers its answers (each Host is parsed once): asked again, or after more
// Hosts than it remembers, it must answer as it did the first time.

describe('createOriginPolicy', () => {
  const policy = createOriginPolicy({
    allowedHosts: ['hub.example'],
    allowedOrigins: [],
    listenHost: '127.0.0.1',
  });
  const status = (host: string | undefined) =>
    policy.check(host === undefined ? {} : { host })?.status ?? 'ok';

  it('answers each Host the same every time, past what it remembers', () => {
    const hosts = [
      '127.0.0.1:7420',
      'hub.example',
      'HUB.example:443',
      'localhost',
      '[::1]:7420',
      'evil.example',
      'a b',
      'x@hub.example',
    ];
    const first = hosts.map(status);
    expect(first).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 421, 421, 421]);
    for (let i = 0; i < 200; i++) status(`other-${i}.example`);
    expect(hosts.map(status)).toEqual(first);
    expect(hosts.map(status)).toEqual(first);
    expect(status(undefined)).toBe(421);
  });
});
