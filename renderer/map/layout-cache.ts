import { type LayoutInput, layoutMap, type MapLayout } from './layout';

// The map view is mounted each time `g m` opens it, and laying out 2,000 services took 10–25 ms
// of that open, every open, for a catalog that had not changed. The catalog store keeps one
// services list until the hub sends a new catalog, so the list itself is the key: a new
// catalog is a new list and gets a new layout, and an old one's layout goes with it.

const layouts = new WeakMap<ReadonlyArray<LayoutInput>, MapLayout>();

/** layoutMap(services), computed once per services list. */
export function layoutOnce(services: ReadonlyArray<LayoutInput>): MapLayout {
  let layout = layouts.get(services);
  if (layout === undefined) {
    layout = layoutMap(services);
    layouts.set(services, layout);
  }
  return layout;
}
