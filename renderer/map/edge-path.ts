import { CYCLE_BOW, type LayoutEdge, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './layout';

// Where an edge runs, as an SVG path. A dependency sits above what needs it, so an ordinary edge
// is a straight line from the top of the service up to the bottom of what it needs. An edge that
// closes a cycle cannot point up: it leaves the right side of its service and bows out to the
// right of both before coming back in, so it never runs along the ordinary edges, and a service
// that needs itself gets a small loop on its right. Cycle edges carry an arrowhead (the map's
// CSS), because for them "up" no longer tells the direction.

const LOOP = CYCLE_BOW * 0.75;

/** The path of `edge` between the placed services `from` and `to`. */
export function edgePath(edge: LayoutEdge, from: PlacedNode, to: PlacedNode): string {
  if (!edge.reversed) {
    return `M${from.x + NODE_WIDTH / 2},${from.y} L${to.x + NODE_WIDTH / 2},${to.y + NODE_HEIGHT}`;
  }
  const fromX = from.x + NODE_WIDTH;
  const toX = to.x + NODE_WIDTH;
  if (from.id === to.id) {
    const top = from.y + NODE_HEIGHT * 0.25;
    const bottom = from.y + NODE_HEIGHT * 0.75;
    return `M${fromX},${top} C${fromX + LOOP},${from.y - LOOP / 2} ${fromX + LOOP},${from.y + NODE_HEIGHT + LOOP / 2} ${fromX},${bottom}`;
  }
  const fromY = from.y + NODE_HEIGHT / 2;
  const toY = to.y + NODE_HEIGHT / 2;
  const out = Math.max(fromX, toX) + CYCLE_BOW * (from.layer === to.layer ? 0.5 : 0.9);
  return `M${fromX},${fromY} C${out},${fromY} ${out},${toY} ${toX},${toY}`;
}

/** A box in the map's user units; the edges it excludes are at its right and bottom. */
export interface MapRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Whether the path `edgePath` draws for `edge` can cross `rect`: exact for an ordinary edge (a
 * segment), conservative for a cycle's curve (its control points' box holds all of it).
 */
export function edgeCrosses(edge: LayoutEdge, from: PlacedNode, to: PlacedNode, rect: MapRect): boolean {
  if (!edge.reversed) {
    return segmentCrosses(from.x + NODE_WIDTH / 2, from.y, to.x + NODE_WIDTH / 2, to.y + NODE_HEIGHT, rect);
  }
  const fromX = from.x + NODE_WIDTH;
  const toX = to.x + NODE_WIDTH;
  if (from.id === to.id) {
    return boxCrosses(fromX, from.y - LOOP / 2, fromX + LOOP, from.y + NODE_HEIGHT + LOOP / 2, rect);
  }
  const fromY = from.y + NODE_HEIGHT / 2;
  const toY = to.y + NODE_HEIGHT / 2;
  const out = Math.max(fromX, toX) + CYCLE_BOW * (from.layer === to.layer ? 0.5 : 0.9);
  return boxCrosses(Math.min(fromX, toX), Math.min(fromY, toY), out, Math.max(fromY, toY), rect);
}

const boxCrosses = (left: number, top: number, right: number, bottom: number, rect: MapRect): boolean =>
  left <= rect.right && right >= rect.left && top <= rect.bottom && bottom >= rect.top;

/**
 * Liang–Barsky: the segment clipped to the rectangle is not empty. A long edge between two
 * services far off either side of the view still crosses it, and must still be drawn.
 */
function segmentCrosses(x0: number, y0: number, x1: number, y1: number, rect: MapRect): boolean {
  // Tested against every edge of the catalog when the window moves: most are nowhere near it
  // and their box says so, without the clipping (or a closure per call).
  if (!boxCrosses(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1), rect)) return false;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const p = [-dx, dx, -dy, dy];
  const q = [x0 - rect.left, rect.right - x0, y0 - rect.top, rect.bottom - y0];
  let enter = 0;
  let leave = 1;
  for (let side = 0; side < 4; side++) {
    const ps = p[side] as number;
    const qs = q[side] as number;
    if (ps === 0) {
      if (qs < 0) return false; // parallel to this side and outside it
    } else if (ps < 0) enter = Math.max(enter, qs / ps);
    else leave = Math.min(leave, qs / ps);
    if (enter > leave) return false;
  }
  return true;
}
