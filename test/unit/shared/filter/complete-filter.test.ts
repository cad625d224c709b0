import { describe, expect, it } from 'vitest';
import { completeFilter, labelQuestionAt } from '../../../../shared/filter/complete-filter';

// What the filter bar offers at the cursor.

const known = {
  teams: ['identity', 'payments', 'platform'],
  services: ['checkout-api', 'checkout-web', 'ledger'],
};
const at = (text: string) => completeFilter(text, text.length, known);

describe('filter completion', () => {
  it('offers keys while a word is typed, after a "-" too', () => {
    expect(at('se')).toEqual({ from: 0, to: 2, options: ['sev:', 'service:'] });
    expect(at('sev:critical -t')).toEqual({ from: 14, to: 15, options: ['team:'] });
  });

  it('offers the values of a key, from the catalog for teams and services', () => {
    expect(at('team:p').options).toEqual(['payments', 'platform']);
    expect(at('service:').options).toEqual(['checkout-api', 'checkout-web', 'ledger']);
    expect(at('status:').options).toContain('open');
    expect(at('is:').options).toEqual(['acked', 'unacked', 'open', 'resolved', 'escalating', 'pending']);
  });

  it('completes the value after the last comma, leaving out those already chosen', () => {
    expect(at('sev:critical,')).toEqual({ from: 13, to: 13, options: ['major', 'minor', 'info'] });
    expect(at('svc:ledger,ch')).toEqual({ from: 11, to: 13, options: ['checkout-api', 'checkout-web'] });
  });

  it('completes at the cursor, not at the end', () => {
    expect(completeFilter('team:pa sev:critical', 7, known)).toEqual({
      from: 5,
      to: 7,
      options: ['payments'],
    });
  });

  it('offers nothing inside quotes, for labels, or for an unknown key', () => {
    expect(at('"disk').options).toEqual([]);
    expect(at('label:re').options).toEqual([]);
    expect(at('colour:').options).toEqual([]);
    expect(at('sev:critical').options).toEqual([]);
  });

  it("asks the host about labels only in a label: value, names first, then one label's values", () => {
    const ask = (text: string) => labelQuestionAt(text, text.length);
    expect(ask('label:')).toEqual({ label: null, prefix: '' });
    expect(ask('sev:critical -label:Reg')).toEqual({ label: null, prefix: 'reg' });
    expect(ask('label:region=EU')).toEqual({ label: 'region', prefix: 'eu' });
    expect(ask('label:zone,region=')).toEqual({ label: 'region', prefix: '' });
    expect(ask('label:=eu')).toBeNull();
    expect(ask('team:Pay')).toEqual({ label: 'team', prefix: 'pay' });
    expect(ask('-owner:payments,id')).toEqual({ label: 'team', prefix: 'id' });
    expect(ask('service:pay')).toBeNull();
    expect(ask('label:"region=eu')).toBeNull();
    expect(ask('region')).toBeNull();
  });

  it("offers the teams on the open incidents first, most incidents first, then the catalog's others", () => {
    const live = { ...known, labels: { label: 'team', values: ['search', 'payments', 'night shift'] } };
    expect(completeFilter('team:', 5, live).options).toEqual([
      'search',
      'payments',
      '"night shift"',
      'identity',
      'platform',
    ]);
    expect(completeFilter('team:p', 6, live).options).toEqual(['payments', 'platform']);
    // An answer about another label does not stand in for teams.
    const region = { ...known, labels: { label: 'region', values: ['search'] } };
    expect(completeFilter('team:', 5, region).options).toEqual(['identity', 'payments', 'platform']);
  });

  it('completes label names with their "=", and values from the host\'s answer to that question', () => {
    const names = { ...known, labels: { label: null, values: ['region', 'release', 'odd name'] } };
    expect(completeFilter('label:re', 8, names)).toEqual({
      from: 6,
      to: 8,
      options: ['region=', 'release='],
    });
    const values = { ...known, labels: { label: 'region', values: ['eu-west', 'eu-north', 'us-east'] } };
    expect(completeFilter('label:region=eu', 15, values)).toEqual({
      from: 13,
      to: 15,
      options: ['eu-west', 'eu-north'],
    });
    // An answer to another question (still on its way) offers nothing rather than wrong values.
    expect(completeFilter('label:zone=eu', 13, values).options).toEqual([]);
    const spaced = { ...known, labels: { label: 'zone', values: ['eu west 1'] } };
    expect(completeFilter('label:zone=eu', 13, spaced)).toEqual({
      from: 6,
      to: 13,
      options: ['"zone=eu west 1"'],
    });
  });
});
