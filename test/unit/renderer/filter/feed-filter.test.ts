import { describe, expect, it } from 'vitest';
import { boardFilterOf, knownValuesOf } from '../../../../renderer/filter/feed-filter';
import { compileBoardFilter } from '../../../../shared/filter/board-filter';
import { buildCatalogGraph } from '../../../../shared/impact/catalog-graph';
import { filterIncident } from '../../../support/filter-incidents';

// What the page hands its feed for a filter: the text, and for team: terms the catalog's
// services of those teams only; and the values the bar completes.

const catalog = buildCatalogGraph({
  services: [
    { id: 'checkout-api', name: 'Checkout API', team: 'payments', tier: 1, dependsOn: [] },
    { id: 'ledger', name: 'Ledger', team: 'payments-core', tier: 2, dependsOn: [] },
    { id: 'auth-api', name: 'Auth', team: 'identity', tier: 1, dependsOn: [] },
  ],
  teams: [],
} as unknown as Parameters<typeof buildCatalogGraph>[0]);

describe('the filter a page sends its feed', () => {
  it('is nothing for an empty or unreadable filter', () => {
    expect(boardFilterOf('  ', catalog)).toBeNull();
    expect(boardFilterOf('sev:urgent', catalog)).toBeNull();
  });

  it('carries no catalog without a team: term', () => {
    expect(boardFilterOf('sev:critical', catalog)).toEqual({ query: 'sev:critical', serviceTeams: [] });
  });

  it('carries the services of the teams a team: term names, wildcards included', () => {
    expect(boardFilterOf('team:payments*', catalog)?.serviceTeams).toEqual([
      ['checkout-api', 'payments'],
      ['ledger', 'payments-core'],
    ]);
    const filter = compileBoardFilter(boardFilterOf('team:payments', catalog));
    expect(filter?.ok).toBe(true);
    if (filter?.ok) {
      expect(filter.keep(filterIncident({ id: 'A', services: ['checkout-api'] }), false)).toBe(true);
      expect(filter.keep(filterIncident({ id: 'B', services: ['auth-api'] }), false)).toBe(false);
    }
  });

  it('completes with the catalog teams and services, sorted', () => {
    expect(knownValuesOf(catalog)).toEqual({
      teams: ['identity', 'payments', 'payments-core'],
      services: ['auth-api', 'checkout-api', 'ledger'],
    });
  });
});
