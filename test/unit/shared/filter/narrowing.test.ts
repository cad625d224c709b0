import { describe, expect, it } from 'vitest';
import type { BoardFilter } from '../../../../shared/filter/board-filter';
import { keepsSubsetOf } from '../../../../shared/filter/narrowing';

// When the host may refilter only the rows shown: the keys an operator types on with, and the
// changes that look alike but keep incidents the filter before did not.

const f = (query: string, serviceTeams: BoardFilter['serviceTeams'] = []): BoardFilter => ({
  query,
  serviceTeams,
});

describe('keepsSubsetOf', () => {
  it('holds for more letters of a word, one more term, or fewer values of a term', () => {
    expect(keepsSubsetOf(f('disk'), f('disk f'))).toBe(true);
    expect(keepsSubsetOf(f('dis'), f('disk'))).toBe(true);
    expect(keepsSubsetOf(f('"disk"'), f('"disk full"'))).toBe(true);
    expect(keepsSubsetOf(f('disk'), f('disk sev:critical'))).toBe(true);
    expect(keepsSubsetOf(f('sev:critical,major'), f('sev:critical'))).toBe(true);
    expect(keepsSubsetOf(f('label:region=eu-west,region=us-east'), f('label:region=eu-west'))).toBe(true);
    expect(keepsSubsetOf(f('-sev:minor'), f('-sev:minor,info'))).toBe(true);
    expect(keepsSubsetOf(f('-disk full'), f('-disk full -dis'))).toBe(true);
    expect(keepsSubsetOf(f('-disk'), f('-dis'))).toBe(true);
  });

  it('holds from a filter that keeps everything: none, blank, or one that does not parse', () => {
    expect(keepsSubsetOf(null, f('sev:critical'))).toBe(true);
    expect(keepsSubsetOf(f('  '), f('sev:critical'))).toBe(true);
    expect(keepsSubsetOf(f('colour:red'), f('sev:critical'))).toBe(true);
  });

  it('does not hold when the filter widens, changes, or stops parsing', () => {
    expect(keepsSubsetOf(f('disk'), f('dis'))).toBe(false);
    expect(keepsSubsetOf(f('sev:critical'), f('sev:critical,major'))).toBe(false);
    expect(keepsSubsetOf(f('sev:critical'), f('sev:major'))).toBe(false);
    expect(keepsSubsetOf(f('-dis'), f('-disk'))).toBe(false);
    expect(keepsSubsetOf(f('-sev:minor,info'), f('-sev:minor'))).toBe(false);
    expect(keepsSubsetOf(f('sev:critical'), f('-sev:critical'))).toBe(false);
    expect(keepsSubsetOf(f('sev:critical'), f('sev:critical colour:red'))).toBe(false);
    expect(keepsSubsetOf(f('sev:critical'), null)).toBe(false);
    // A glob is compared as written: "checkout-*" does keep fewer than "check*", but this does
    // not try to prove it.
    expect(keepsSubsetOf(f('service:check*'), f('service:checkout-*'))).toBe(false);
  });

  it('does not hold for a team: term when the catalog sent with the filter differs', () => {
    const payments: BoardFilter['serviceTeams'] = [['checkout-api', 'payments']];
    expect(keepsSubsetOf(f('team:payments', payments), f('team:payments sev:critical', payments))).toBe(true);
    expect(keepsSubsetOf(f('team:payments'), f('team:payments sev:critical', payments))).toBe(false);
    // Without a team: term before, the catalog sent does not matter.
    expect(keepsSubsetOf(f('sev:critical'), f('sev:critical team:payments', payments))).toBe(true);
  });
});
