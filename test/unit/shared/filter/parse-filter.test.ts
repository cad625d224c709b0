import { describe, expect, it } from 'vitest';
import type { FilterParse, FilterQuery } from '../../../../shared/filter/filter-query';
import { parseFilter } from '../../../../shared/filter/parse-filter';

// Each construct of the board filter language (docs/filters.md), and errors that point at the
// character that is wrong.

function parsed(text: string): FilterQuery {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message} at ${result.error.offset}`);
  return result.query;
}

/** The terms without their spans, which most tests do not care about. */
function terms(text: string) {
  return parsed(text).terms.map(({ start: _s, end: _e, ...term }) => term);
}

function errorOf(text: string): { readonly offset: number; readonly message: string } {
  const result: FilterParse = parseFilter(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return result.error;
}

/** The text from the error's offset on, so a failure shows where it pointed. */
const pointedAt = (text: string): string => text.slice(errorOf(text).offset);

describe('the board filter language', () => {
  it('keeps everything when empty or blank', () => {
    expect(parsed('').terms).toEqual([]);
    expect(parsed('   \t ').terms).toEqual([]);
  });

  it('reads severities in monitoring words, ORed by comma', () => {
    expect(terms('sev:critical,major')).toEqual([{ key: 'sev', values: ['sev1', 'sev2'], negated: false }]);
    expect(terms('severity:SEV3,info')).toEqual([{ key: 'sev', values: ['sev3', 'sev4'], negated: false }]);
  });

  it('reads statuses, with open meaning anything not resolved', () => {
    expect(terms('status:open')).toEqual([{ key: 'status', values: ['open'], negated: false }]);
    expect(terms('state:Mitigated,resolved')).toEqual([
      { key: 'status', values: ['mitigated', 'resolved'], negated: false },
    ]);
  });

  it('reads teams and services as lower-case globs', () => {
    expect(terms('team:Payments service:checkout-*')).toEqual([
      { key: 'team', values: ['payments'], negated: false },
      { key: 'service', values: ['checkout-*'], negated: false },
    ]);
    expect(terms('svc:a,b owner:x')).toEqual([
      { key: 'service', values: ['a', 'b'], negated: false },
      { key: 'team', values: ['x'], negated: false },
    ]);
  });

  it('reads label tests: name=value, name alone, values with colons and quotes', () => {
    expect(terms('label:region=eu-west,env')).toEqual([
      {
        key: 'label',
        values: [
          { name: 'region', pattern: 'eu-west' },
          { name: 'env', pattern: null },
        ],
        negated: false,
      },
    ]);
    expect(terms('label:url=http://x:9090')).toEqual([
      { key: 'label', values: [{ name: 'url', pattern: 'http://x:9090' }], negated: false },
    ]);
    expect(terms('label:"zone=eu west 1"')).toEqual([
      { key: 'label', values: [{ name: 'zone', pattern: 'eu west 1' }], negated: false },
    ]);
  });

  it('reads a label value quoted after "=", as Prometheus writes a matcher', () => {
    expect(terms('label:zone="eu west 1",region="eu-*" sev:critical')).toEqual([
      {
        key: 'label',
        values: [
          { name: 'zone', pattern: 'eu west 1' },
          { name: 'region', pattern: 'eu-*' },
        ],
        negated: false,
      },
      { key: 'sev', values: ['sev1'], negated: false },
    ]);
    // Only a label's value: anywhere else a quote after a bare value still needs a space first.
    expect(pointedAt('service:x="y z"')).toBe('"y z"');
    expect(pointedAt('label:zone="eu west')).toBe('"eu west');
  });

  it('reads free text, bare or quoted with escapes', () => {
    expect(terms('Disk "full on \\"db\\"" x\\y')).toEqual([
      { key: 'text', values: ['disk'], negated: false },
      { key: 'text', values: ['full on "db"'], negated: false },
      { key: 'text', values: ['x\\y'], negated: false },
    ]);
  });

  it('negates a term with "-", and reads acked/unacked as flags', () => {
    expect(terms('-acked -is:escalating,pending unacked -"db"')).toEqual([
      { key: 'is', values: ['acked'], negated: true },
      { key: 'is', values: ['escalating', 'pending'], negated: true },
      { key: 'is', values: ['unacked'], negated: false },
      { key: 'text', values: ['db'], negated: true },
    ]);
  });

  it('keeps where each term was, for completion', () => {
    expect(parsed('  sev:critical  -team:x').terms.map((term) => [term.start, term.end])).toEqual([
      [2, 14],
      [16, 23],
    ]);
  });

  it('reads the example from the issue', () => {
    const query = parsed(
      'sev:critical,major status:open team:payments service:checkout-* label:region=eu-west "free text" -acked',
    );
    expect(query.terms.map((term) => term.key)).toEqual([
      'sev',
      'status',
      'team',
      'service',
      'label',
      'text',
      'is',
    ]);
  });

  it('takes a label named like an Object.prototype member as an ordinary name', () => {
    expect(terms('label:__proto__=x,constructor')).toEqual([
      {
        key: 'label',
        values: [
          { name: '__proto__', pattern: 'x' },
          { name: 'constructor', pattern: null },
        ],
        negated: false,
      },
    ]);
    expect(errorOf('__proto__:x').message).toContain('Unknown key "__proto__"');
    expect(errorOf('sev:constructor').message).toContain('Unknown severity "constructor"');
  });
});

describe('filter errors point at the character', () => {
  it.each([
    ['sev:critical colour:red', 'colour:red', 'Unknown key "colour"'],
    ['sev:critical,urgent', 'urgent', 'Unknown severity "urgent"'],
    ['status:closed', 'closed', 'Unknown status "closed"'],
    ['is:silenced', 'silenced', 'Unknown is "silenced"'],
    ['team: payments', ' payments', 'team: needs a value'],
    ['team:', '', 'team: needs a value'],
    ['sev:critical,', '', 'A value must follow ","'],
    ['sev:critical,,major', ',major', 'A value must follow ","'],
    ['x "disk full', '"disk full', 'never closed'],
    ['team:"pay', '"pay', 'never closed'],
    ['a - b', '- b', 'must be followed'],
    ['a,b', ',b', 'only separates values'],
    [':x', ':x', 'A key goes before ":"'],
    ['label:=eu', '=eu', 'names the label'],
    ['sev:critical"x"', '"x"', 'put a space'],
    ['"  "', '"  "', 'Empty quotes'],
    ['team:""', '""', 'Empty quotes'],
  ])('%s', (text, at, message) => {
    expect(errorOf(text).message).toContain(message);
    expect(pointedAt(text)).toBe(at);
  });

  it('refuses a filter longer than it should be, at the limit', () => {
    const error = errorOf('a'.repeat(1001));
    expect(error.offset).toBe(1000);
  });
});
