import type { MapLayout } from './layout';

// Arrow keys on the map. Dependencies sit above what needs them, so Up walks towards causes and
// Down towards the blast radius; Left and Right stay within a layer. Crossing layers lands on
// the service horizontally nearest the current one, which is what the eye expects.

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
  const step = direction === 'up' ? -1 : 1;
  // Skip empty layers (none today, but a filtered layout may leave gaps).
  for (let layer = current.layer + step; layer >= 0 && layer < layout.layers.length; layer += step) {
    const row = layout.layers[layer] ?? [];
    let best: string | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const id of row) {
      const node = layout.byId.get(id);
      if (node === undefined) continue;
      const distance = Math.abs(node.x - current.x);
      if (distance < bestDistance) {
        best = id;
        bestDistance = distance;
      }
    }
    if (best !== null) return best;
  }
  return current.id;
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
