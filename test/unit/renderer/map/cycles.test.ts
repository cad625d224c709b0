import { describe, expect, it } from 'vitest';
import { edgePath } from '../../../../renderer/map/edge-path';
import { impactEdges, mapHighlights } from '../../../../renderer/map/highlight';
import { CYCLE_BOW, layoutMap, type MapLayout, NODE_WIDTH } from '../../../../renderer/map/layout';
import { serviceHealth } from '../../../../shared/impact/service-health';
import { graphOf, incidentOn } from '../../shared/impact/impact-fixtures';

// The map draws a dependency cycle legibly: every member placed once, one edge per cycle marked
// as closing it (drawn as a dashed arc beside the services, with an arrowhead), a self-loop as a
// loop on its service, and the impact path lit around the cycle.

const node = (layout: MapLayout, id: string) => {
  const placed = layout.byId.get(id);
  if (!placed) throw new Error(`${id} is not on the map`);
  return placed;
};

const cycleEdges = (layout: MapLayout) =>
  layout.edges.filter((edge) => edge.reversed).map((edge) => `${edge.from}→${edge.to}`);

describe('the map with dependency cycles', () => {
  it('a cycle of two: one above the other, the edge back down marked as closing the cycle', () => {
    const layout = layoutMap([
      { id: 'auth-api', dependsOn: ['user-service', 'users-db'] },
      { id: 'user-service', dependsOn: ['auth-api', 'users-db'] },
      { id: 'users-db', dependsOn: [] },
    ]);
    expect(layout.layers).toEqual([['users-db'], ['user-service'], ['auth-api']]);
    expect(cycleEdges(layout)).toEqual(['user-service→auth-api']);
    // Room on the right for the arc.
    expect(layout.width).toBeGreaterThanOrEqual(node(layout, 'users-db').x + NODE_WIDTH + CYCLE_BOW);
    const closing = layout.edges.find((edge) => edge.reversed);
    if (!closing) throw new Error('no closing edge');
    const path = edgePath(closing, node(layout, 'user-service'), node(layout, 'auth-api'));
    // From the right side of user-service, out beyond both boxes, into the right side of auth-api.
    const right = node(layout, 'user-service').x + NODE_WIDTH;
    expect(path).toMatch(
      new RegExp(`^M${right},\\d+ C\\d+(\\.\\d+)?,\\d+ \\d+(\\.\\d+)?,\\d+ ${right},\\d+$`),
    );
    const bow = Number(/ C([\d.]+),/.exec(path)?.[1]);
    expect(bow).toBeGreaterThan(right);
  });

  it('a cycle of five: five services on five layers, one closing edge, impact lit all round', () => {
    const needs = { a: ['b'], b: ['c'], c: ['d'], d: ['e'], e: ['a'] };
    const layout = layoutMap(Object.entries(needs).map(([id, dependsOn]) => ({ id, dependsOn })));
    expect(layout.nodes).toHaveLength(5);
    expect(layout.layers).toHaveLength(5);
    expect(cycleEdges(layout)).toEqual(['e→a']);
    expect(layoutMap(Object.entries(needs).map(([id, dependsOn]) => ({ id, dependsOn })))).toEqual(layout);

    const health = serviceHealth(graphOf(needs), [incidentOn(['c'], 'sev1')]);
    const lit = mapHighlights(health);
    // c fails: b, a, e, d suffer, and the impact runs along every edge but the one out of c.
    expect([...lit.impactedBy.keys()].sort()).toEqual(['a', 'b', 'd', 'e']);
    expect(impactEdges(lit, layout.edges).size).toBe(4);
  });

  it('a self-loop: the service is placed once and gets a loop on its right', () => {
    const layout = layoutMap([
      { id: 'mesh', dependsOn: ['mesh'] },
      { id: 'app', dependsOn: ['mesh'] },
    ]);
    expect(layout.layers).toEqual([['mesh'], ['app']]);
    expect(cycleEdges(layout)).toEqual(['mesh→mesh']);
    const mesh = node(layout, 'mesh');
    const loop = edgePath({ from: 'mesh', to: 'mesh', reversed: true }, mesh, mesh);
    expect(loop.startsWith(`M${mesh.x + NODE_WIDTH},`)).toBe(true);
    expect(
      loop
        .split(' ')
        .at(-1)
        ?.startsWith(`${mesh.x + NODE_WIDTH},`),
    ).toBe(true);
  });

  it('draws an acyclic catalog with straight edges and no room for arcs', () => {
    const layout = layoutMap([
      { id: 'db', dependsOn: [] },
      { id: 'api', dependsOn: ['db'] },
    ]);
    expect(cycleEdges(layout)).toEqual([]);
    expect(layout.width).toBe(node(layout, 'db').x * 2 + NODE_WIDTH);
    const [edge] = layout.edges;
    if (!edge) throw new Error('no edge');
    expect(edgePath(edge, node(layout, 'api'), node(layout, 'db'))).toMatch(
      /^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/,
    );
  });
});
