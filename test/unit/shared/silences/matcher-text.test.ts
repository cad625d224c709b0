import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationText,
  matchersToText,
  parseDuration,
  parseMatchers,
} from '../../../../shared/silences/matcher-text';

describe('parseMatchers', () => {
  it('reads the four operators as amtool prints them, skipping blank lines', () => {
    const parsed = parseMatchers(
      'alertname="DiskFull"\n\n instance =~ "db[12]:9100"\nenv!="dev"\npod!~"canary-.*"',
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { name: 'alertname', value: 'DiskFull', isRegex: false, isEqual: true },
        { name: 'instance', value: 'db[12]:9100', isRegex: true, isEqual: true },
        { name: 'env', value: 'dev', isRegex: false, isEqual: false },
        { name: 'pod', value: 'canary-.*', isRegex: true, isEqual: false },
      ],
    });
  });

  it('names the line that is wrong', () => {
    expect(parseMatchers('alertname="A"\nno operator here')).toEqual({
      ok: false,
      message: 'Line 2: write name="value" (or =~, !=, !~).',
    });
    expect(parseMatchers('alertname=A')).toEqual({
      ok: false,
      message: 'Line 1: the value must be in double quotes.',
    });
    expect(parseMatchers('alertname="A"\n\nx=~"("')).toEqual({
      ok: false,
      message: 'Line 3: value is not a valid regular expression.',
    });
    expect(parseMatchers('x=~".*"')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/silence everything/),
    });
    expect(parseMatchers('')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at least one matcher/),
    });
  });

  it('reads back what it writes', () => {
    const matcher = fc.record({
      name: fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/),
      value: fc.string({ minLength: 1, maxLength: 10 }).filter((value) => !/[\n\r\u2028\u2029]/.test(value)),
      isRegex: fc.constant(false),
      isEqual: fc.constant(true),
    });
    fc.assert(
      fc.property(fc.array(matcher, { minLength: 1, maxLength: 5 }), (matchers) => {
        expect(parseMatchers(matchersToText(matchers))).toEqual({ ok: true, value: matchers });
      }),
    );
  });
});

describe('parseDuration', () => {
  it('takes minutes, hours and days', () => {
    expect(['45', '45m', '2h', '1d', '1h30m', ' 1d 2h '].map((text) => parseDuration(text))).toEqual([
      { ok: true, value: 45 },
      { ok: true, value: 45 },
      { ok: true, value: 120 },
      { ok: true, value: 1440 },
      { ok: true, value: 90 },
      { ok: true, value: 1560 },
    ]);
  });

  it('refuses nothing, zero, words and more than a month', () => {
    expect(parseDuration('').ok).toBe(false);
    expect(parseDuration('0m')).toEqual({ ok: false, message: 'A silence lasts at least a minute.' });
    expect(parseDuration('soon').ok).toBe(false);
    expect(parseDuration('31d')).toEqual({
      ok: false,
      message: 'A silence from Sitroom lasts at most 30 days.',
    });
  });

  it('says a duration back as it would be written', () => {
    expect([90, 1440, 1565].map(durationText)).toEqual(['1h 30m', '1d', '1d 2h 5m']);
  });
});
