import { describe, expect, it } from 'vitest';
import { completeFilter } from '../../../../shared/filter/complete-filter';

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
});
