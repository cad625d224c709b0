import {
  CYCLE_BOW,
  GAP_X,
  GAP_Y,
  MARGIN,
  type MapLayout,
  NODE_HEIGHT,
  NODE_WIDTH,
  type PlacedNode,
} from './layout';

// A wall has nobody to scroll the map: it is drawn whole, scaled to its frame. A real estate's
// layers are wide (ten services side by side and six layers deep is common), so scaled to a
// 16:9 frame the names became too small to read across a room. Folding each wide layer onto
// rows of at most `perRow` services, with the width chosen to fit the frame best, draws the
// same map at the largest scale the frame allows. Layers and order (what the keys move
// through) stay as they are; only positions change.

/** Width and height of the map drawn with at most `perRow` services a row. */
function sizeWith(
  layerSizes: ReadonlyArray<number>,
  perRow: number,
  bow: number,
): { width: number; height: number } {
  let rows = 0;
  let widest = 0;
  for (const size of layerSizes) {
    rows += Math.ceil(size / perRow);
    widest = Math.max(widest, Math.min(size, perRow));
  }
  return {
    width: MARGIN * 2 + widest * NODE_WIDTH + Math.max(0, widest - 1) * GAP_X + bow,
    height: MARGIN * 2 + rows * NODE_HEIGHT + Math.max(0, rows - 1) * GAP_Y,
  };
}

/** Room to the right for the arcs that close dependency cycles, as the layout keeps. */
const bowOf = (layout: MapLayout): number => (layout.edges.some((edge) => edge.reversed) ? CYCLE_BOW : 0);

/** The most services a row that draws `layout` largest in a frame of this size. */
export function bestRowWidth(layout: MapLayout, frameWidth: number, frameHeight: number): number {
  const layerSizes = layout.layers.map((layer) => layer.length);
  const bow = bowOf(layout);
  let widest = 0;
  for (const size of layerSizes) widest = Math.max(widest, size);
  let best = Math.max(1, widest);
  let bestScale = 0;
  for (let perRow = widest; perRow >= 1; perRow--) {
    const { width, height } = sizeWith(layerSizes, perRow, bow);
    const scale = Math.min(frameWidth / width, frameHeight / height);
    // Strictly larger only: of equal scales the widest rows, the shape the layout chose.
    if (scale > bestScale) {
      bestScale = scale;
      best = perRow;
    }
  }
  return best;
}

/** `layout` with each layer folded onto rows of at most `perRow` services, centred as before. */
export function foldLayers(layout: MapLayout, perRow: number): MapLayout {
  const widest = layout.layers.reduce((most, layer) => Math.max(most, layer.length), 0);
  if (perRow >= widest || perRow < 1) return layout;
  const nodes: PlacedNode[] = [];
  let row = 0;
  for (const [l, layer] of layout.layers.entries()) {
    const rows = Math.ceil(layer.length / perRow);
    // Rows of a layer as even as can be (9 on rows of 6: 5 and 4, not 6 and 3).
    const each = Math.ceil(layer.length / rows);
    for (const [order, id] of layer.entries()) {
      const inRow = Math.floor(order / each);
      const first = inRow * each;
      const count = Math.min(each, layer.length - first);
      const offset = ((perRow - count) * (NODE_WIDTH + GAP_X)) / 2;
      nodes.push({
        id,
        layer: l,
        order,
        x: MARGIN + offset + (order - first) * (NODE_WIDTH + GAP_X),
        y: MARGIN + (row + inRow) * (NODE_HEIGHT + GAP_Y),
      });
    }
    row += rows;
  }
  const { width, height } = sizeWith(
    layout.layers.map((layer) => layer.length),
    perRow,
    bowOf(layout),
  );
  return { ...layout, nodes, byId: new Map(nodes.map((node) => [node.id, node])), width, height };
}

/**
 * The most a wall enlarges the map. A wall's impact map can be two services: scaled to the
 * frame they would be a metre wide. At this scale a name is ~35 px high on a full-HD screen.
 */
export const MAX_WALL_SCALE = 2.5;

/** `layout` centred in a larger drawing when the frame would enlarge it past `maxScale`. */
export function capScale(
  layout: MapLayout,
  frameWidth: number,
  frameHeight: number,
  maxScale = MAX_WALL_SCALE,
): MapLayout {
  const width = Math.max(layout.width, frameWidth / maxScale);
  const height = Math.max(layout.height, frameHeight / maxScale);
  if (width === layout.width && height === layout.height) return layout;
  const dx = (width - layout.width) / 2;
  const dy = (height - layout.height) / 2;
  const nodes = layout.nodes.map((node) => ({ ...node, x: node.x + dx, y: node.y + dy }));
  return { ...layout, nodes, byId: new Map(nodes.map((node) => [node.id, node])), width, height };
}
