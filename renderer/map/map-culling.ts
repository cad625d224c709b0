import { edgeCrosses, type MapRect } from './edge-path';
import { type LayoutEdge, type MapLayout, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './layout';

// A catalog of 2,000 services drawn whole is 12,000 SVG elements, and every one of them is
// diffed by React and painted by Chromium when an incident opens, though a screen shows a few
// dozen. The map draws only what lies in the part of the drawing scrolled into view, with a
// margin so a scroll of a few rows shows services already drawn. The window drawn moves in
// whole tiles: scrolling within a tile changes nothing, so React redraws the map a few times
// in a long scroll, not on every scroll event.

/** How far beyond the visible frame services are drawn, in user units (the map is not zoomed). */
export const CULL_MARGIN = 400;
/** The step the drawn window moves by. */
export const CULL_TILE = 200;

/** The scroll container's visible part of the drawing, in user units. */
export interface ScrollFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The part of the drawing to draw for what `frame` shows: the frame grown by `margin` on every
 * side and then out to whole tiles, so it always holds the frame plus at least the margin.
 */
export function drawnWindow(frame: ScrollFrame, margin = CULL_MARGIN, tile = CULL_TILE): MapRect {
  return {
    left: Math.floor((frame.left - margin) / tile) * tile,
    top: Math.floor((frame.top - margin) / tile) * tile,
    right: Math.ceil((frame.left + frame.width + margin) / tile) * tile,
    bottom: Math.ceil((frame.top + frame.height + margin) / tile) * tile,
  };
}

/** Same window: React keeps the drawing as it is. */
export const sameWindow = (a: MapRect | null, b: MapRect | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.left === b.left &&
    a.top === b.top &&
    a.right === b.right &&
    a.bottom === b.bottom);

export interface InView {
  /** Services whose box meets the window, in layout order (so drawing order never changes). */
  readonly nodes: ReadonlyArray<PlacedNode>;
  readonly ids: ReadonlySet<string>;
  /** Edges whose line crosses the window, even when both ends are outside it. */
  readonly edges: ReadonlyArray<LayoutEdge>;
}

/** What of `layout` to draw in `drawn`; everything when `drawn` is null (a wall fits it whole). */
export function inView(layout: MapLayout, drawn: MapRect | null): InView {
  if (drawn === null) {
    return { nodes: layout.nodes, ids: new Set(layout.byId.keys()), edges: layout.edges };
  }
  const nodes = layout.nodes.filter(
    (node) =>
      node.x <= drawn.right &&
      node.x + NODE_WIDTH >= drawn.left &&
      node.y <= drawn.bottom &&
      node.y + NODE_HEIGHT >= drawn.top,
  );
  const edges = layout.edges.filter((edge) => {
    const from = layout.byId.get(edge.from);
    const to = layout.byId.get(edge.to);
    return from !== undefined && to !== undefined && edgeCrosses(edge, from, to, drawn);
  });
  return { nodes, ids: new Set(nodes.map((node) => node.id)), edges };
}
