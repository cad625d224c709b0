import { describe, expect, it } from 'vitest';
import { incidentImpact } from '../../../../shared/impact/incident-impact';
import { serviceHealth } from '../../../../shared/impact/service-health';
import { graphOf, incidentOn } from './impact-fixtures';

// Impact across dependency cycles: every walk marks what it visited, so a failure goes round a
// cycle once, reaches each service at its fewest hops, and never comes back to hurt its source.

const byId = <T extends { readonly id: string }>(rows: ReadonlyArray<T>): Map<string, T> =>
  new Map(rows.map((row) => [row.id, row]));

describe('impact on a catalog with cycles', () => {
  it('a cycle of two: a failing auth-api hurts user-service, and through it what needs either', () => {
    const graph = graphOf({
      'auth-api': ['user-service', 'users-db'],
      'user-service': ['auth-api', 'users-db'],
      'users-db': [],
      'api-gateway': ['auth-api'],
      'cart-api': ['user-service'],
    });
    const impact = incidentImpact(graph, incidentOn(['auth-api']));
    expect(impact.services.map((s) => [s.id, s.distance])).toEqual([
      ['api-gateway', 1],
      ['user-service', 1],
      ['cart-api', 2],
    ]);
    const health = byId(serviceHealth(graph, [incidentOn(['users-db'], 'sev1')]));
    expect(health.get('auth-api')?.impactedBy).toEqual(['users-db']);
    expect(health.get('user-service')?.impactedBy).toEqual(['users-db']);
    expect(health.get('cart-api')?.impactedBy).toEqual(['users-db']);
  });

  it('a cycle of five: each member is reached once, at its distance round the cycle', () => {
    // a needs b, b needs c … e needs a: a failure of c hurts b (1), a (2), e (3), d (4).
    const graph = graphOf({ a: ['b'], b: ['c'], c: ['d'], d: ['e'], e: ['a'], edge: ['a'] });
    expect(incidentImpact(graph, incidentOn(['c'])).services.map((s) => [s.id, s.distance])).toEqual([
      ['b', 1],
      ['a', 2],
      ['e', 3],
      ['edge', 3],
      ['d', 4],
    ]);
    const rows = byId(serviceHealth(graph, [incidentOn(['c']), incidentOn(['e'], 'sev1')]));
    // Both failing members hurt every other member, nearest first; neither hurts itself.
    expect(rows.get('d')?.impactedBy).toEqual(['e', 'c']);
    expect(rows.get('b')?.impactedBy).toEqual(['c', 'e']);
    expect(rows.get('c')?.impactedBy).toEqual(['e']);
    expect(rows.get('e')?.impactedBy).toEqual(['c']);
  });

  it('a service that needs itself hurts only its dependants', () => {
    const graph = graphOf({ mesh: ['mesh'], app: ['mesh'] });
    expect(incidentImpact(graph, incidentOn(['mesh'])).services.map((s) => s.id)).toEqual(['app']);
    const rows = byId(serviceHealth(graph, [incidentOn(['mesh'])]));
    expect(rows.get('mesh')).toMatchObject({ health: 'sev2', impactedBy: [] });
    expect(rows.get('app')?.impactedBy).toEqual(['mesh']);
  });
});
