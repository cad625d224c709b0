import type { MapLayout } from './layout';

// Arrow keys on the map. Dependencies sit above what needs them, so Up walks towards causes and
// Down towards the blast radius; Left and Right walk a layer in order (on a wall's folded map,
// from the end of one row to the start of the next). Up and Down land on the service
// horizontally nearest in the drawn row above or below.

export type MapDirection = 'left' | 'right' | 'up' | 'down';

/** The service an arrow press moves to from `selectedId`; the first service when none is selected. */
export function stepOnMap(
  layout: MapLayout,
  selectedId: string | null,
  direction: MapDirection,
): string | null {
  const current = selectedId === null ? undefined : layout.byId.get(selectedId);
  if (current === undefined) return layout.layers[0]?.[0] ?? null;
  if (direction === 'left' || direction === 'right') {
    const row = layout.layers[current.layer] ?? [];
    const next = row[current.order + (direction === 'left' ? -1 : 1)];
    return next ?? current.id;
  }
  // Up and Down go to the drawn row above or below, not the next layer: a wall folds a wide layer
  // onto several rows (fit-layout.ts), and the eye, like the selection, moves by row. Unfolded,
  // a row is a layer, so this is the layer above (a dependency) or below (a dependant).
  const above = direction === 'up';
  let rowY: number | null = null;
  for (const node of layout.nodes) {
    const ahead = above ? node.y < current.y : node.y > current.y;
    if (ahead && (rowY === null || Math.abs(node.y - current.y) < Math.abs(rowY - current.y))) rowY = node.y;
  }
  if (rowY === null) return current.id;
  // Of that row, the service horizontally nearest, which is what the eye expects.
  let best = current.id;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const node of layout.nodes) {
    if (node.y !== rowY) continue;
    const distance = Math.abs(node.x - current.x);
    if (distance < bestDistance) {
      best = node.id;
      bestDistance = distance;
    }
  }
  return best;
}

/** Services whose name or id contains `query` (case-insensitive), in catalog order. */
export function findServices(
  services: ReadonlyArray<{ readonly id: string; readonly name: string }>,
  query: string,
  limit = 8,
): Array<{ readonly id: string; readonly name: string }> {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const found: Array<{ readonly id: string; readonly name: string }> = [];
  for (const service of services) {
    if (service.name.toLowerCase().includes(needle) || service.id.toLowerCase().includes(needle)) {
      found.push(service);
      if (found.length >= limit) break;
    }
  }
  return found;
}
