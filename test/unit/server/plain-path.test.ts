import { describe, expect, it } from 'vitest';
import { isPlainPath } from '../../../server/http/path-segment';

// The router takes a plain request target as its path without parsing a URL: that is only right
// while URL parsing would give every such target back unchanged.

describe('isPlainPath', () => {
  it('says plain only of targets URL parsing leaves as they are', () => {
    const alphabet = ['a', 'Z', '0', '9', '_', '-', '/', '.', '%', '?', '#', '\\', ' ', 'é', ':', '@'];
    let plain = 0;
    for (let i = 0; i < 20_000; i++) {
      let target = '/';
      const length = (i * 7919) % 13;
      for (let j = 0; j < length; j++)
        target += alphabet[(i * 31 + j * 17 + ((i >> 3) ^ j)) % alphabet.length];
      if (!isPlainPath(target)) continue;
      plain++;
      const url = URL.parse(target, 'http://hub');
      expect(url?.pathname).toBe(target);
      expect(url?.search).toBe('');
    }
    expect(plain).toBeGreaterThan(100);
  });

  it('leaves to URL parsing whatever it would change', () => {
    for (const target of [
      '//evil/x',
      '/a/../b',
      '/a/./b',
      '/%2e%2e/x',
      '/a?b=1',
      '/a#b',
      '/a\\b',
      '/a b',
      'a',
      '',
      '*',
    ])
      expect(isPlainPath(target)).toBe(false);
    expect(isPlainPath('/api/v1/ingest/alertmanager')).toBe(true);
  });
});
