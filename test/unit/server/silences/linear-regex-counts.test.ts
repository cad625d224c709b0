import { describe, expect, it } from 'vitest';
import { compileLinear } from '../../../../server/silences/linear-regex';

// V8's linear-time engine refuses a counted repetition above 16, which RE2 (Alertmanager) takes
// up to 1,000: a silence on `pod=~"checkout-[a-z0-9]{1,63}"` covered none of the incident's
// alerts in the silences panel while Alertmanager applied it to all of them. Spelled out, the
// same pattern runs in the linear engine and matches exactly what the pattern says.

/** Patterns people write in silences, and label values to try each on. */
const CASES: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  [
    'checkout-[a-z0-9]{1,63}',
    ['checkout-a', `checkout-${'a'.repeat(63)}`, `checkout-${'a'.repeat(64)}`, 'checkout-', 'checkout-A'],
  ],
  [
    'trace-[0-9a-f]{32}',
    [
      `trace-${'f'.repeat(32)}`,
      `trace-${'f'.repeat(31)}`,
      `trace-${'f'.repeat(33)}`,
      `trace-${'g'.repeat(32)}`,
    ],
  ],
  ['(ab){2,20}|x', ['ab', 'abab', 'ab'.repeat(20), 'ab'.repeat(21), 'x', 'xab']],
  ['a{17,}', ['a'.repeat(16), 'a'.repeat(17), 'a'.repeat(80), `${'a'.repeat(20)}b`]],
  ['\\x41{20}z?', ['A'.repeat(20), `${'A'.repeat(20)}z`, 'A'.repeat(19), 'x41'.repeat(20)]],
  [
    '(?:db|web)-[0-9]{1,20}\\.dc[12]',
    ['db-1.dc1', `web-${'9'.repeat(20)}.dc2`, `db-${'1'.repeat(21)}.dc1`, 'db-.dc1'],
  ],
  [
    '[^.]{1,30}\\.example\\.org',
    ['host.example.org', `${'h'.repeat(30)}.example.org`, 'a.b.example.org', '.example.org'],
  ],
];

describe('silence regexes with counts RE2 takes', () => {
  it('compile for the linear engine and match what the pattern says', () => {
    for (const [pattern, values] of CASES) {
      const linear = compileLinear(pattern);
      expect(linear, pattern).not.toBeNull();
      // These inputs are short: the backtracking engine is a safe judge of what should match.
      const judge = new RegExp(`^(?:${pattern})$`);
      for (const value of values)
        expect(linear?.test(value), `${pattern} on ${value}`).toBe(judge.test(value));
    }
  });

  it('still refuses what RE2 refuses, and what would grow too large spelled out', () => {
    expect(compileLinear('x{1,1001}')).toBeNull();
    expect(compileLinear('((a{1,100}){1,100}){1,100}')).toBeNull();
    expect(compileLinear('(a+)+\\1')).toBeNull();
  });
});
