import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../server/security/client-address';

const proxies = new Set(['127.0.0.1', '10.0.0.5']);

describe('the sender the rate limits count', () => {
  it('is the peer when the peer is no trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', undefined, new Set())).toBe('203.0.113.9');
  });

  it('is the rightmost untrusted hop behind trusted proxies', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7, 10.0.0.5', proxies)).toBe('198.51.100.7');
    // What the client wrote itself (left of the first untrusted hop) proves nothing.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7', proxies)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', ['1.2.3.4', '2001:db8::1'], proxies)).toBe('2001:db8::1');
  });

  it('falls back to the peer when the header is missing, empty or not an address', () => {
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' , ', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'unknown', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '__proto__', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '10.0.0.5', proxies)).toBe('127.0.0.1');
  });
});
