import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveMatchers,
  MAX_ALTERNATIVES,
  matcherText,
  matchesLabels,
  silenceMatchersSchema,
} from '../../../../shared/silences/matchers';

const alert = (labels: Record<string, string>, status: 'firing' | 'resolved' = 'firing') => ({
  labels,
  status,
});

describe('deriveMatchers', () => {
  it('keeps the labels every alert shares, alertname first', () => {
    const matchers = deriveMatchers([
      alert({ severity: 'critical', alertname: 'DiskFull', instance: 'db1:9100', job: 'node' }),
      alert({ severity: 'critical', alertname: 'DiskFull', instance: 'db2:9100', job: 'node' }),
    ]);
    expect(matchers.map(matcherText)).toEqual([
      'alertname="DiskFull"',
      'instance=~"db1:9100|db2:9100"',
      'job="node"',
      'severity="critical"',
    ]);
  });

  it('leaves out labels only some alerts carry', () => {
    const matchers = deriveMatchers([alert({ alertname: 'A', pod: 'x' }), alert({ alertname: 'A' })]);
    expect(matchers.map(matcherText)).toEqual(['alertname="A"']);
  });

  it('uses only the firing alerts while any fires', () => {
    const matchers = deriveMatchers([alert({ alertname: 'A' }), alert({ alertname: 'B' }, 'resolved')]);
    expect(matchers.map(matcherText)).toEqual(['alertname="A"']);
  });

  it('escapes regular-expression characters in values it lists', () => {
    const matchers = deriveMatchers([alert({ path: '/a.b' }), alert({ path: '(x)|y' })]);
    expect(matchers).toEqual([{ name: 'path', value: '\\(x\\)\\|y|/a\\.b', isRegex: true, isEqual: true }]);
    expect(matchesLabels(matchers, { path: '/a.b' })).toBe(true);
    expect(matchesLabels(matchers, { path: '/aXb' })).toBe(false);
  });

  it('drops a label with too many values instead of listing them all', () => {
    const alerts = Array.from({ length: MAX_ALTERNATIVES + 1 }, (_, n) =>
      alert({ alertname: 'A', pod: `p${n}` }),
    );
    expect(deriveMatchers(alerts).map(matcherText)).toEqual(['alertname="A"']);
  });

  it('never derives matchers that would silence everything', () => {
    expect(deriveMatchers([alert({ a: '' })])).toEqual([]);
    expect(deriveMatchers([])).toEqual([]);
  });

  it('treats a __proto__ label as an ordinary label', () => {
    const labels = JSON.parse('{"__proto__":"x","alertname":"A"}') as Record<string, string>;
    const matchers = deriveMatchers([alert(labels)]);
    expect(matchers.map(matcherText)).toEqual(['alertname="A"', '__proto__="x"']);
    expect(matchesLabels(matchers, labels)).toBe(true);
    expect(matchesLabels(matchers, { alertname: 'A' })).toBe(false);
  });
});

describe('silenceMatchersSchema', () => {
  it('refuses a list whose every matcher matches an empty value, naming why', () => {
    const result = silenceMatchersSchema.safeParse([
      { name: 'a', value: '.*', isRegex: true, isEqual: true },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/silence everything/);
  });

  it('refuses a bad label name and a regex that does not compile, by field', () => {
    const result = silenceMatchersSchema.safeParse([
      { name: '1a', value: 'x', isRegex: false, isEqual: true },
      { name: 'b', value: '(', isRegex: true, isEqual: true },
    ]);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['0.name', '1.value']);
  });

  it('writes negative matchers as amtool does', () => {
    expect(matcherText({ name: 'env', value: 'dev', isRegex: false, isEqual: false })).toBe('env!="dev"');
    expect(matcherText({ name: 'env', value: 'd.*', isRegex: true, isEqual: false })).toBe('env!~"d.*"');
  });
});

const labelName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/);
const labelValue = fc.string({ maxLength: 8 });
const labelSet = fc.dictionary(labelName, labelValue, { minKeys: 1, maxKeys: 5 });

describe('deriveMatchers (properties)', () => {
  it('covers every alert it was derived from', () => {
    fc.assert(
      fc.property(fc.array(labelSet, { minLength: 1, maxLength: 8 }), (sets) => {
        const alerts = sets.map((labels) => alert(labels));
        const matchers = deriveMatchers(alerts);
        for (const { labels } of alerts) expect(matchesLabels(matchers, labels)).toBe(true);
      }),
    );
  });

  it('derives only lists Alertmanager takes', () => {
    fc.assert(
      fc.property(fc.array(labelSet, { minLength: 1, maxLength: 8 }), (sets) => {
        const matchers = deriveMatchers(sets.map((labels) => alert(labels)));
        if (matchers.length > 0) expect(silenceMatchersSchema.safeParse(matchers).success).toBe(true);
      }),
    );
  });

  it('does not cover an alert that differs in a label every alert shared with one value', () => {
    fc.assert(
      fc.property(labelSet, labelValue, (labels, other) => {
        const matchers = deriveMatchers([alert(labels)]);
        const [first] = matchers;
        fc.pre(first !== undefined && first.value !== other);
        if (!first) return;
        expect(matchesLabels(matchers, { ...labels, [first.name]: other })).toBe(false);
      }),
    );
  });
});
