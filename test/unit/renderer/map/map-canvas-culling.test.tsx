import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MapRect } from '../../../../renderer/map/edge-path';
import { layoutMap } from '../../../../renderer/map/layout';
import { MapCanvas } from '../../../../renderer/map/MapCanvas';
import { inView } from '../../../../renderer/map/map-culling';
import { generatedCatalog } from '../../../bench/generated-catalog';

// The canvas draws the part of the map in view, and the selected service wherever it is: it
// holds the keyboard's focus, and the view scrolls to it after an arrow key.

const layout = layoutMap(generatedCatalog({ services: 300, dependencies: 900 }).services);
const NONE = {
  health: new Map(),
  impactedBy: new Map(),
  openIncidents: new Map(),
};
const drawnIds = (html: string): string[] =>
  [...html.matchAll(/data-service-id="([^"]+)"/g)].map((m) => m[1] ?? '');

function render(drawn: MapRect | null, selectedId: string | null): string {
  return renderToStaticMarkup(
    <MapCanvas
      layout={layout}
      names={new Map()}
      highlights={NONE}
      selectedId={selectedId}
      onSelect={() => {}}
      onOpen={() => {}}
      drawn={drawn}
    />,
  );
}

describe('the map canvas, culled', () => {
  const window = { left: 0, top: 0, right: 1200, bottom: 800 };
  const inside = inView(layout, window);
  const outside = layout.nodes.find((node) => !inside.ids.has(node.id));

  it('draws only the services in the window, and says how many of how many', () => {
    const html = render(window, null);
    expect(drawnIds(html)).toEqual(inside.nodes.map((node) => node.id));
    expect(drawnIds(html).length).toBeLessThan(layout.nodes.length / 5);
    expect(html).toContain(`data-services="${layout.nodes.length}"`);
    expect(html).toContain(`data-drawn="${inside.nodes.length}"`);
    // A screen reader is told the map is bigger than what it can browse, and how to reach the rest.
    expect(html).toContain(
      `<desc>${inside.nodes.length} of ${layout.nodes.length} services are drawn: those in view. Press / to find a service by name`,
    );
  });

  it('draws the selected service out of the window too, in its layout place', () => {
    if (outside === undefined) throw new Error('the window holds the whole map');
    const ids = drawnIds(render(window, outside.id));
    expect(ids).toContain(outside.id);
    expect(ids).toHaveLength(inside.nodes.length + 1);
    const order = new Map(layout.nodes.map((node, i) => [node.id, i]));
    const positions = ids.map((id) => order.get(id) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('draws every service without a window, and then says nothing of the rest', () => {
    const html = render(null, null);
    expect(drawnIds(html)).toHaveLength(layout.nodes.length);
    expect(html).not.toContain('<desc>');
  });
});
