import { describe, expect, it } from 'vitest';
import type { BoardFilter } from '../../../../shared/filter/board-filter';
import { keepsSubsetOf } from '../../../../shared/filter/narrowing';

// When the host may refilter only the rows shown: the keys an operator types on with, and the
// changes that look alike but keep incidents the filter before did not.

const f = (query: string, serviceTeams: BoardFilter['serviceTeams'] = []): BoardFilter => ({
  query,
  serviceTeams,
});

/** [filter shown, filter typed next]: cases where the shown rows hold every row to show. */
const NARROWING: ReadonlyArray<readonly [string | null, string]> = [
  ['disk', 'disk f'],
  ['dis', 'disk'],
  ['"disk"', '"disk full"'],
  ['disk', 'disk sev:critical'],
  ['sev:critical,major', 'sev:critical'],
  ['label:region=eu-west,region=us-east', 'label:region=eu-west'],
  ['-sev:minor', '-sev:minor,info'],
  ['-disk full', '-disk full -dis'],
  ['-disk', '-dis'],
  // From a filter that keeps everything: none, blank, or one that does not parse.
  [null, 'sev:critical'],
  ['  ', 'sev:critical'],
  ['colour:red', 'sev:critical'],
];

/** Cases that widen, change, or stop parsing: the whole board is filtered again. */
const NOT_NARROWING: ReadonlyArray<readonly [string, string | null]> = [
  ['disk', 'dis'],
  ['sev:critical', 'sev:critical,major'],
  ['sev:critical', 'sev:major'],
  ['-dis', '-disk'],
  ['-sev:minor,info', '-sev:minor'],
  ['sev:critical', '-sev:critical'],
  ['sev:critical', 'sev:critical colour:red'],
  ['sev:critical', null],
  // A glob is compared as written: "checkout-*" does keep fewer than "check*", but this does not
  // try to prove it.
  ['service:check*', 'service:checkout-*'],
];

const orNone = (query: string | null): BoardFilter | null => (query === null ? null : f(query));

describe('keepsSubsetOf', () => {
  it.each(NARROWING)('holds from %j to %j', (shown, typed) => {
    expect(keepsSubsetOf(orNone(shown), f(typed))).toBe(true);
  });

  it.each(NOT_NARROWING)('does not hold from %j to %j', (shown, typed) => {
    expect(keepsSubsetOf(f(shown), orNone(typed))).toBe(false);
  });

  it('does not hold for a team: term when the catalog sent with the filter differs', () => {
    const payments: BoardFilter['serviceTeams'] = [['checkout-api', 'payments']];
    expect(keepsSubsetOf(f('team:payments', payments), f('team:payments sev:critical', payments))).toBe(true);
    expect(keepsSubsetOf(f('team:payments'), f('team:payments sev:critical', payments))).toBe(false);
    // Without a team: term before, the catalog sent does not matter.
    expect(keepsSubsetOf(f('sev:critical'), f('sev:critical team:payments', payments))).toBe(true);
  });
});
