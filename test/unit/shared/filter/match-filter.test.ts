import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/domain';
import { compileGlob } from '../../../../shared/filter/glob';
import { compileFilter, type FilterContext } from '../../../../shared/filter/match-filter';
import { parseFilter } from '../../../../shared/filter/parse-filter';
import { alertWith, filterIncident } from '../../../support/filter-incidents';

// What each construct keeps on the board, on whole incidents as the replica holds them.

const catalog: FilterContext = {
  teamOf: (service) =>
    new Map([
      ['checkout-api', 'Payments'],
      ['auth-api', 'identity'],
    ]).get(service),
};

function keeps(filter: string, incident: Incident, pending = false): boolean {
  const result = parseFilter(filter);
  if (!result.ok) throw new Error(result.error.message);
  return compileFilter(result.query, catalog)(incident, pending);
}

const checkout = filterIncident({
  id: 'INC-7',
  title: 'Checkout latency high',
  severity: 'sev1',
  services: ['checkout-api', 'payments-db'],
  alerts: { f1: alertWith({ region: 'EU-West', env: 'prod' }) },
});
const auth = filterIncident({
  id: 'INC-8',
  title: 'Login errors',
  severity: 'sev3',
  status: 'mitigated',
  services: ['auth-api'],
  acknowledgedAt: 10,
  alerts: { f1: alertWith({ team: 'SRE', region: 'us-east' }) },
});
const resolved = filterIncident({ id: 'INC-9', status: 'resolved', resolvedAt: 20 });

describe('what a filter keeps', () => {
  it('severity and status', () => {
    expect(keeps('sev:critical,major', checkout)).toBe(true);
    expect(keeps('sev:critical,major', auth)).toBe(false);
    expect(keeps('status:open', auth)).toBe(true);
    expect(keeps('status:open', resolved)).toBe(false);
    expect(keeps('status:mitigated', auth)).toBe(true);
  });

  it("team: the catalog's owner of a service, or a team label on an alert", () => {
    expect(keeps('team:payments', checkout)).toBe(true);
    expect(keeps('team:pay*', checkout)).toBe(true);
    expect(keeps('team:sre', auth)).toBe(true);
    expect(keeps('team:identity', auth)).toBe(true);
    expect(keeps('team:payments', auth)).toBe(false);
  });

  it('service with wildcards, anchored at both ends', () => {
    expect(keeps('service:checkout-*', checkout)).toBe(true);
    expect(keeps('service:*-db', checkout)).toBe(true);
    expect(keeps('service:checkout', checkout)).toBe(false);
    expect(keeps('service:*auth*', checkout)).toBe(false);
  });

  it('labels by name and value, case-insensitive, present or not', () => {
    expect(keeps('label:region=eu-west', checkout)).toBe(true);
    expect(keeps('label:region=eu-*', auth)).toBe(false);
    expect(keeps('label:env', checkout)).toBe(true);
    expect(keeps('label:env', auth)).toBe(false);
    expect(keeps('-label:env', auth)).toBe(true);
  });

  it('never reads a label through the prototype', () => {
    expect(keeps('label:constructor', checkout)).toBe(false);
    expect(keeps('label:__proto__', checkout)).toBe(false);
    expect(keeps('label:tostring', checkout)).toBe(false);
    const odd = filterIncident({ id: 'X', alerts: { f1: alertWith(JSON.parse('{"__proto__":"yes"}')) } });
    expect(keeps('label:__proto__=yes', odd)).toBe(true);
  });

  it('free text in the id, the title or a service', () => {
    expect(keeps('latency', checkout)).toBe(true);
    expect(keeps('inc-7', checkout)).toBe(true);
    expect(keeps('"payments-db"', checkout)).toBe(true);
    expect(keeps('"latency low"', checkout)).toBe(false);
  });

  it('free text with wildcards, as typed in a search box, within one of the id, title or services', () => {
    expect(keeps('checkout*', checkout)).toBe(true);
    expect(keeps('*latency*', checkout)).toBe(true);
    expect(keeps('pay*db', checkout)).toBe(true);
    expect(keeps('check*high', checkout)).toBe(true);
    expect(keeps('check*zzz', checkout)).toBe(false);
    // Not across the title and a service: "high" ends the title, "-db" is a service.
    expect(keeps('high*db', checkout)).toBe(false);
    expect(keeps('-checkout* latency', checkout)).toBe(false);
    expect(keeps('-log*err', checkout)).toBe(true);
  });

  it('flags: acked, unacked, escalating, pending, open, resolved', () => {
    expect(keeps('-acked', checkout)).toBe(true);
    expect(keeps('-acked', auth)).toBe(false);
    expect(keeps('unacked', checkout)).toBe(true);
    expect(keeps('is:resolved', resolved)).toBe(true);
    expect(keeps('is:open', resolved)).toBe(false);
    expect(keeps('is:pending', checkout, true)).toBe(true);
    expect(keeps('is:pending', checkout, false)).toBe(false);
    expect(keeps('is:escalating', checkout)).toBe(false);
  });

  it('ANDs terms', () => {
    expect(keeps('sev:critical team:payments label:region=eu-west -acked latency', checkout)).toBe(true);
    expect(keeps('sev:critical team:identity', checkout)).toBe(false);
  });
});

describe('globs', () => {
  it('match without backtracking blow-up', () => {
    const glob = compileGlob('*a*a*a*a*a*a*a*a*b');
    expect(glob('a'.repeat(10_000))).toBe(false);
    expect(compileGlob('a*b*c')('aXbYc')).toBe(true);
    expect(compileGlob('a*a')('a')).toBe(false);
    expect(compileGlob('ab*ba')('aba')).toBe(false);
    expect(compileGlob('*')('')).toBe(true);
  });
});
