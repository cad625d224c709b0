import { describe, expect, it } from 'vitest';
import {
  boardFilterOf,
  knownValuesOf,
  lazyServices,
  servicesToOffer,
} from '../../../../renderer/filter/feed-filter';
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

describe('the services service: completes', () => {
  const rowsOf = (...services: ReadonlyArray<ReadonlyArray<string>>) =>
    new Map(services.map((names, i) => [`INC-${i}`, { services: names }]));
  const catalogServices = knownValuesOf(catalog).services;

  it("adds the services on the page's rows, shown and held, to the catalog's: sorted, once each", () => {
    const shown = rowsOf(['checkout-api', 'search'], ['search'], ['edge-proxy']);
    const held = rowsOf(['batch-jobs', 'checkout-api'], []);
    expect(servicesToOffer(catalogServices, [shown, held])).toEqual([
      'auth-api',
      'batch-jobs',
      'checkout-api',
      'edge-proxy',
      'ledger',
      'search',
    ]);
    expect(servicesToOffer([], [])).toEqual([]);
    expect(servicesToOffer(catalogServices, [])).toEqual(catalogServices);
  });

  it("offers one spelling of services that differ only in case, the catalog's, else the first in code-unit order", () => {
    const shown = rowsOf(['Checkout-API', 'Search'], ['search', 'SEARCH']);
    expect(servicesToOffer(catalogServices, [shown])).toEqual([
      'SEARCH',
      'auth-api',
      'checkout-api',
      'ledger',
    ]);
  });

  it('leaves out text nobody could see or type, quotes a name with a space or comma', () => {
    const shown = rowsOf([
      'pay\u202Ements',
      'zw\u200Bsp',
      'a\nb',
      'x'.repeat(201),
      '',
      'my svc',
      'a,b',
      '__proto__',
    ]);
    expect(servicesToOffer([], [shown])).toEqual(['__proto__', '"a,b"', '"my svc"']);
  });

  it('walks the rows once, when first asked, and not at all for the catalog alone', () => {
    let walks = 0;
    const shown = rowsOf(['search']);
    const counted = {
      values: () => {
        walks += 1;
        return shown.values();
      },
    } as unknown as Map<string, { services: string[] }>;
    let maps = [counted];
    const services = lazyServices(catalogServices, () => maps);
    expect(walks).toBe(0);
    expect(services()).toEqual(['auth-api', 'checkout-api', 'ledger', 'search']);
    expect(services()).toBe(services());
    expect(walks).toBe(1);
    // New maps (the rows changed): walked again, once.
    maps = [{ values: counted.values } as typeof counted];
    services();
    services();
    expect(walks).toBe(2);
    expect(lazyServices(catalogServices, () => null)()).toBe(catalogServices);
  });
});
