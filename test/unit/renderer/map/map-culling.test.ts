import { describe, expect, it } from 'vitest';
import { edgeCrosses } from '../../../../renderer/map/edge-path';
import {
  GAP_X,
  GAP_Y,
  type LayoutEdge,
  layoutMap,
  type MapLayout,
  NODE_HEIGHT,
  NODE_WIDTH,
  type PlacedNode,
} from '../../../../renderer/map/layout';
import { drawnWindow, inView, sameWindow } from '../../../../renderer/map/map-culling';
import { generatedCatalog } from '../../../bench/generated-catalog';

const placed = (id: string, x: number, y: number, layer = 0): PlacedNode => ({ id, layer, order: 0, x, y });
const edge = (from: string, to: string, reversed = false): LayoutEdge => ({ from, to, reversed });

describe('drawnWindow', () => {
  it('holds the frame and the margin on every side, in whole tiles', () => {
    const frame = { left: 130, top: 950, width: 1200, height: 700 };
    const window = drawnWindow(frame, 100, 200);
    expect(window.left).toBeLessThanOrEqual(frame.left - 100);
    expect(window.top).toBeLessThanOrEqual(frame.top - 100);
    expect(window.right).toBeGreaterThanOrEqual(frame.left + frame.width + 100);
    expect(window.bottom).toBeGreaterThanOrEqual(frame.top + frame.height + 100);
    for (const side of [window.left, window.top, window.right, window.bottom]) expect(side % 200).toBe(0);
  });

  it('stays the same window while the scroll stays within a tile, so the map is not redrawn', () => {
    const at = (left: number, top: number) => drawnWindow({ left, top, width: 800, height: 600 }, 100, 200);
    expect(sameWindow(at(110, 310), at(190, 390))).toBe(true);
    expect(sameWindow(at(110, 310), at(310, 310))).toBe(false);
  });
});

describe('edgeCrosses', () => {
  const view = { left: 1000, top: 1000, right: 2000, bottom: 2000 };

  it('keeps a straight edge that runs through the view with both services outside it', () => {
    // From below the view up to above it, straight through.
    const from = placed('a', 1400, 2400, 3);
    const to = placed('b', 1400, 400, 0);
    expect(edgeCrosses(edge('a', 'b'), from, to, view)).toBe(true);
  });

  it('drops a diagonal edge that passes a corner of the view, though its box overlaps it', () => {
    // From the bottom left to the top... just missing the view's top-left corner.
    const from = placed('a', 0 - NODE_WIDTH / 2, 1900, 2);
    const to = placed('b', 1900 - NODE_WIDTH / 2, 0 - NODE_HEIGHT, 0);
    expect(edgeCrosses(edge('a', 'b'), from, to, view)).toBe(false);
  });

  it("keeps a cycle's arc whose bow alone reaches into the view", () => {
    const from = placed('a', 1000 - NODE_WIDTH - 30, 2200, 2);
    const to = placed('b', 1000 - NODE_WIDTH - 30, 600, 0);
    expect(edgeCrosses(edge('a', 'b', true), from, to, view)).toBe(true);
    expect(edgeCrosses(edge('a', 'b', true), placed('a', 0, 2200, 2), placed('b', 0, 600, 0), view)).toBe(
      false,
    );
  });
});

describe('inView', () => {
  const layout: MapLayout = layoutMap(generatedCatalog({ services: 400, dependencies: 1200 }).services);
  const window = { left: 2000, top: 300, right: 3400, bottom: 900 };

  it('draws exactly the services whose box meets the window', () => {
    const drawn = inView(layout, window);
    const meets = (node: PlacedNode): boolean =>
      node.x <= window.right &&
      node.x + NODE_WIDTH >= window.left &&
      node.y <= window.bottom &&
      node.y + NODE_HEIGHT >= window.top;
    expect(drawn.nodes.length).toBeGreaterThan(0);
    expect(drawn.nodes.length).toBeLessThan(layout.nodes.length / 4);
    expect(drawn.nodes.map((node) => node.id)).toEqual(layout.nodes.filter(meets).map((node) => node.id));
    expect([...drawn.ids]).toEqual(drawn.nodes.map((node) => node.id));
  });

  it('draws every edge touching a drawn service, and edges passing through with neither end drawn', () => {
    const drawn = inView(layout, window);
    for (const e of layout.edges) {
      if (drawn.ids.has(e.from) || drawn.ids.has(e.to)) expect(drawn.edges).toContain(e);
    }
    expect(drawn.edges.some((e) => !drawn.ids.has(e.from) && !drawn.ids.has(e.to))).toBe(true);
    expect(drawn.edges.length).toBeLessThan(layout.edges.length / 2);
  });

  it('keeps layout order, so React never moves a drawn node', () => {
    const drawn = inView(layout, window);
    const order = new Map(layout.nodes.map((node, i) => [node.id, i]));
    const positions = drawn.nodes.map((node) => order.get(node.id) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('draws everything without a window (a wall fits the whole map)', () => {
    const drawn = inView(layout, null);
    expect(drawn.nodes).toHaveLength(layout.nodes.length);
    expect(drawn.edges).toHaveLength(layout.edges.length);
  });

  it('draws nothing of a window beside the drawing', () => {
    const beside = { left: layout.width + GAP_X, top: 0, right: layout.width + 1000, bottom: GAP_Y };
    expect(inView(layout, beside).nodes).toHaveLength(0);
  });
});
