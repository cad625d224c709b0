import { describe, expect, it } from 'vitest';
import {
  blastRadius,
  edgeKey,
  impactEdges,
  mapHighlights,
  neighbourhood,
} from '../../../../renderer/map/highlight';
import { layoutMap } from '../../../../renderer/map/layout';
import { findServices, stepOnMap } from '../../../../renderer/map/map-navigation';
import type { Catalog } from '../../../../shared/impact/catalog';
import { buildCatalogGraph } from '../../../../shared/impact/catalog-graph';
import { type ImpactIncident, serviceHealth } from '../../../../shared/impact/service-health';

const service = (id: string, dependsOn: string[] = []) => ({
  id,
  name: id.toUpperCase(),
  team: id.startsWith('pay') ? 'payments' : 'sre',
  tier: 1 as const,
  dependsOn,
});
const CATALOG: Catalog = {
  services: [
    service('payments-db'),
    service('kafka'),
    service('edge-lb'),
    service('payments-api', ['payments-db', 'kafka']),
    service('checkout-web', ['payments-api', 'edge-lb']),
    service('search-api', ['kafka', 'edge-lb']),
  ],
  teams: [],
};
const graph = buildCatalogGraph(CATALOG);
const layout = layoutMap(graph.services);
const incident = (
  id: string,
  services: string[],
  status: ImpactIncident['status'] = 'investigating',
): ImpactIncident => ({
  id,
  status,
  severity: 'sev1',
  services,
});

describe('mapHighlights', () => {
  it('marks the failing service, its dependants as impacted and the edges the impact travels along', () => {
    const highlights = mapHighlights(serviceHealth(graph, [incident('INC-1', ['payments-db'])]));
    expect(highlights.health.get('payments-db')).toBe('sev1');
    expect(highlights.health.get('payments-api')).toBe('ok');
    expect([...highlights.impactedBy.keys()].sort()).toEqual(['checkout-web', 'payments-api']);
    expect(highlights.openIncidents.get('payments-db')).toEqual(['INC-1']);
    expect([...impactEdges(highlights, layout.edges)].sort()).toEqual(
      [edgeKey('checkout-web', 'payments-api'), edgeKey('payments-api', 'payments-db')].sort(),
    );
  });

  it('leaves edges from healthy or unaffected services plain, and ignores resolved incidents', () => {
    const highlights = mapHighlights(
      serviceHealth(graph, [incident('INC-2', ['kafka']), incident('INC-3', ['edge-lb'], 'resolved')]),
    );
    const lit = impactEdges(highlights, layout.edges);
    expect(lit.has(edgeKey('checkout-web', 'edge-lb'))).toBe(false);
    expect(lit.has(edgeKey('search-api', 'kafka'))).toBe(true);
    expect(highlights.health.get('edge-lb')).toBe('ok');
  });

  it('shows nothing impacted when nothing is failing', () => {
    const highlights = mapHighlights(serviceHealth(graph, []));
    expect(highlights.impactedBy.size).toBe(0);
    expect(impactEdges(highlights, layout.edges).size).toBe(0);
  });
});

describe('blast radius, neighbours and navigation', () => {
  it('lists everything that needs a service, nearest first', () => {
    expect(blastRadius(graph, 'payments-db')).toEqual([
      { id: 'payments-api', distance: 1 },
      { id: 'checkout-web', distance: 2 },
    ]);
  });

  it('keeps services within N hops either way', () => {
    expect([...neighbourhood(layout.edges, 'payments-api', 1)].sort()).toEqual(
      ['checkout-web', 'kafka', 'payments-api', 'payments-db'].sort(),
    );
    expect(neighbourhood(layout.edges, 'payments-api', 2).has('search-api')).toBe(true);
  });

  it('moves up to a dependency, down to a dependant and along a layer', () => {
    expect(stepOnMap(layout, null, 'down')).toBe(layout.layers[0]?.[0]);
    expect(layout.byId.get(stepOnMap(layout, 'payments-api', 'up') ?? '')?.layer).toBe(0);
    expect(stepOnMap(layout, 'payments-api', 'down')).toBe('checkout-web');
    expect(stepOnMap(layout, 'checkout-web', 'down')).toBe('checkout-web');
    const row = layout.layers[0] ?? [];
    expect(stepOnMap(layout, row[0] ?? '', 'right')).toBe(row[1]);
    expect(stepOnMap(layout, row[0] ?? '', 'left')).toBe(row[0]);
  });

  it('finds services by name or id, case-insensitively', () => {
    expect(findServices(graph.services, 'PAY').map((found) => found.id)).toEqual([
      'payments-db',
      'payments-api',
    ]);
    expect(findServices(graph.services, '  ')).toEqual([]);
  });
});
