import { describe, expect, it } from 'vitest';
import { isAlertmanagerTime, parseAlertmanagerTime } from '../../../../shared/ingest/alertmanager';
import { lastTwo } from '../../../../shared/ingest/last-two';
import { parseRfc3339 } from '../../../../shared/rfc3339';

// The Alertmanager reader reads each time twice (validate, then normalise); the second reading
// comes from memory, and must always be what a fresh reading says.

describe('lastTwo', () => {
  it('reads each of the last two texts once, and anything older again', () => {
    const read: string[] = [];
    const length = lastTwo((text: string) => {
      read.push(text);
      return text.length;
    });
    expect([length('a'), length('bb'), length('a'), length('bb'), length('ccc'), length('a')]).toEqual([
      1, 2, 1, 2, 3, 1,
    ]);
    // 'a' fell out when 'ccc' came: two texts are remembered, not three.
    expect(read).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('remembers a reading of null or undefined as the answer it was', () => {
    let calls = 0;
    const nothing = lastTwo((_text: string) => {
      calls += 1;
      return null;
    });
    expect(nothing('x')).toBeNull();
    expect(nothing('x')).toBeNull();
    expect(calls).toBe(1);
  });
});

describe('Alertmanager times read through memory', () => {
  const times = [
    '2026-11-27T04:23:52Z',
    '2026-11-27T04:23:52.123456789+02:00',
    '0001-01-01T00:00:00Z',
    '0001-01-01T00:00:00.000+00:00',
    '2026-02-31T00:00:00Z',
    'yesterday',
    '',
    '1969-12-31T23:59:59Z',
    '2026-11-27t04:23:52z',
  ];

  it('answers as a fresh reading does, whatever order the times come in', () => {
    let state = 7;
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state;
    };
    for (let i = 0; i < 2000; i++) {
      const text = times[next() % times.length] as string;
      const zero = text.startsWith('0001-');
      expect(parseAlertmanagerTime(text)).toBe(text === '' || zero ? null : parseRfc3339(text));
      expect(isAlertmanagerTime(text)).toBe(zero || parseRfc3339(text) !== null);
    }
  });
});
