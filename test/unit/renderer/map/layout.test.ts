import { describe, expect, it } from 'vitest';
import { layoutMap, type MapLayout, NODE_HEIGHT, NODE_WIDTH } from '../../../../renderer/map/layout';
import { generatedCatalog } from '../../../bench/generated-catalog';

const EXAMPLE = [
  { id: 'edge-lb', dependsOn: [] },
  { id: 'auth-api', dependsOn: ['postgres-main'] },
  { id: 'checkout-web', dependsOn: ['edge-lb', 'auth-api', 'payments-api'] },
  { id: 'payments-api', dependsOn: ['payments-db', 'kafka'] },
  { id: 'payments-db', dependsOn: [] },
  { id: 'postgres-main', dependsOn: [] },
  { id: 'kafka', dependsOn: [] },
  { id: 'search-api', dependsOn: ['kafka', 'edge-lb'] },
];

const layerOf = (layout: MapLayout, id: string): number => layout.byId.get(id)?.layer ?? -1;

function expectNoOverlaps(layout: MapLayout): void {
  const boxes = [...layout.nodes].sort((a, b) => a.y - b.y || a.x - b.x);
  for (let i = 1; i < boxes.length; i++) {
    const a = boxes[i - 1];
    const b = boxes[i];
    if (!a || !b) continue;
    // Sorted by row then column: a box can only collide with its left neighbour in the same row.
    if (a.y === b.y) expect(b.x).toBeGreaterThanOrEqual(a.x + NODE_WIDTH);
    else expect(b.y).toBeGreaterThanOrEqual(a.y + NODE_HEIGHT);
  }
}

describe('layoutMap', () => {
  it('puts every service below everything it depends on, starting from those that need nothing', () => {
    const layout = layoutMap(EXAMPLE);
    for (const service of EXAMPLE) {
      for (const dependency of service.dependsOn) {
        expect(layerOf(layout, dependency)).toBeLessThan(layerOf(layout, service.id));
      }
    }
    expect(layerOf(layout, 'payments-db')).toBe(0);
    expect(layerOf(layout, 'payments-api')).toBe(1);
    // Longest path: checkout-web needs auth-api (layer 1), so it sits at layer 2.
    expect(layerOf(layout, 'checkout-web')).toBe(2);
    expect(layout.nodes).toHaveLength(EXAMPLE.length);
    expect(layout.edges.every((edge) => !edge.reversed)).toBe(true);
    expectNoOverlaps(layout);
  });

  it('orders a layer so services sit near what they depend on', () => {
    const layout = layoutMap([
      { id: 'a', dependsOn: [] },
      { id: 'b', dependsOn: [] },
      { id: 'needs-b', dependsOn: ['b'] },
      { id: 'needs-a', dependsOn: ['a'] },
    ]);
    expect(layout.layers[1]).toEqual(['needs-a', 'needs-b']);
  });

  it('breaks cycles deterministically and still terminates', () => {
    const cycle = [
      { id: 'a', dependsOn: ['c'] },
      { id: 'b', dependsOn: ['a'] },
      { id: 'c', dependsOn: ['b'] },
      { id: 'self', dependsOn: ['self', 'missing'] },
    ];
    const layout = layoutMap(cycle);
    expect(layout.nodes).toHaveLength(4);
    expect(layout.edges.filter((edge) => edge.reversed)).toEqual([
      { from: 'b', to: 'a', reversed: true },
      { from: 'self', to: 'self', reversed: true },
    ]);
    expect(layout.layers).toEqual([['b', 'self'], ['c'], ['a']]);
    expect(layout.edges.some((edge) => edge.to === 'missing')).toBe(false);
    expect(layoutMap(cycle)).toEqual(layout);
    expectNoOverlaps(layout);
  });

  it('keeps only the first of duplicated ids and draws an empty catalog as nothing', () => {
    const layout = layoutMap([
      { id: 'x', dependsOn: [] },
      { id: 'x', dependsOn: ['y'] },
      { id: 'y', dependsOn: [] },
    ]);
    expect(layout.nodes.map((node) => node.id).sort()).toEqual(['x', 'y']);
    expect(layoutMap([])).toMatchObject({ nodes: [], width: 0, height: 0 });
  });

  it('lays out a 2,000-service catalog with cycles the same way every time, without overlaps', () => {
    const services = generatedCatalog({ cycles: true }).services;
    const first = layoutMap(services);
    const second = layoutMap(services);
    expect(second.layers).toEqual(first.layers);
    expect(first.nodes).toHaveLength(2000);
    expect(first.edges.length).toBe(6000);
    expect(first.edges.some((edge) => edge.reversed)).toBe(true);
    expectNoOverlaps(first);
    for (const edge of first.edges) {
      if (!edge.reversed) expect(layerOf(first, edge.to)).toBeLessThan(layerOf(first, edge.from));
    }
  });

  it('lays out a catalog longer than the engine takes as call arguments', () => {
    // Math.max(...layers) threw "Maximum call stack size exceeded" on a catalog this big.
    const services = Array.from({ length: 150_000 }, (_, i) => ({ id: `s${i}`, dependsOn: [] }));
    const layout = layoutMap(services);
    expect(layout.nodes).toHaveLength(150_000);
    expect(layout.layers).toHaveLength(1);
  });
});
