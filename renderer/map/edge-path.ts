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
