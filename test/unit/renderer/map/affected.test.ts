import { describe, expect, it } from 'vitest';
import { affectedKey, affectedServices, keepOnly } from '../../../../renderer/map/affected';
import { capScale, MAX_WALL_SCALE } from '../../../../renderer/map/fit-layout';
import { mapHighlights } from '../../../../renderer/map/highlight';
import { layoutMap } from '../../../../renderer/map/layout';
import { buildCatalogGraph } from '../../../../shared/impact/catalog-graph';
import { serviceHealth } from '../../../../shared/impact/service-health';

// A wall's impact map: what is failing, what that reaches, and nothing else.

const service = (id: string, dependsOn: string[] = []) => ({
  id,
  name: id,
  team: 'platform',
  tier: 1 as const,
  dependsOn,
});
const graph = buildCatalogGraph({
  services: [
    service('payments-db'),
    service('kafka'),
    service('payments-api', ['payments-db', 'kafka']),
    service('checkout-web', ['payments-api']),
    service('search-api', ['kafka']),
    service('status-page'),
  ],
  teams: [],
});
const layout = layoutMap(graph.services);
const open = (id: string, services: string[]) =>
  ({ id, status: 'investigating', severity: 'sev1', services }) as const;
const highlightsOf = (...incidents: ReturnType<typeof open>[]) =>
  mapHighlights(serviceHealth(graph, incidents));

describe('the services a wall draws during an outage', () => {
  it('are the failing ones and everything their failure reaches', () => {
    const affected = affectedServices(highlightsOf(open('INC-1', ['payments-db'])));
    expect([...affected.failing]).toEqual(['payments-db']);
    expect([...affected.impacted].sort()).toEqual(['checkout-web', 'payments-api']);
  });

  it('count a failing service once, as failing, even when a failure upstream reaches it too', () => {
    const affected = affectedServices(
      highlightsOf(open('INC-1', ['payments-db']), open('INC-2', ['payments-api'])),
    );
    expect([...affected.failing].sort()).toEqual(['payments-api', 'payments-db']);
    expect([...affected.impacted]).toEqual(['checkout-web']);
  });

  it('are none while nothing is failing', () => {
    const affected = affectedServices(highlightsOf());
    expect(affected.failing.size + affected.impacted.size).toBe(0);
    expect(affectedKey(affected)).toBe('');
  });

  it('keep the layout while the same services stay affected', () => {
    const one = affectedKey(affectedServices(highlightsOf(open('INC-1', ['payments-db']))));
    const two = affectedKey(
      affectedServices(highlightsOf(open('INC-2', ['payments-db']), open('INC-3', ['payments-db']))),
    );
    expect(two).toBe(one);
  });

  it('are drawn with only the dependencies among them', () => {
    const kept = keepOnly(graph.services, new Set(['payments-db', 'payments-api', 'checkout-web']));
    expect(kept).toEqual([
      { id: 'payments-db', dependsOn: [] },
      { id: 'payments-api', dependsOn: ['payments-db'] },
      { id: 'checkout-web', dependsOn: ['payments-api'] },
    ]);
  });
});

describe('a small impact map on a large wall', () => {
  const small = layoutMap([{ id: 'a', dependsOn: [] }]);
  const frame = { width: 1800, height: 800 };

  it('is enlarged no more than MAX_WALL_SCALE, and centred', () => {
    const capped = capScale(small, frame.width, frame.height);
    const scale = Math.min(frame.width / capped.width, frame.height / capped.height);
    expect(scale).toBeCloseTo(MAX_WALL_SCALE, 5);
    const node = capped.byId.get('a');
    if (!node) throw new Error('node lost');
    const before = small.byId.get('a');
    if (!before) throw new Error('node lost');
    expect(node.x - before.x).toBeCloseTo((capped.width - small.width) / 2, 5);
    expect(node.y - before.y).toBeCloseTo((capped.height - small.height) / 2, 5);
  });

  it('is left alone when the frame does not enlarge it that far', () => {
    expect(capScale(layout, 400, 300)).toBe(layout);
  });
});
