import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../../../renderer/map/layout';
import { MapCanvas } from '../../../../renderer/map/MapCanvas';

// A service name can come from an alert's labels: on the map it is hostile text like any other,
// so a right-to-left override or a zero-width space shows as <U+…> instead of reordering or
// hiding what the room reads.

const SPOOF = 'pay\u202Etnemt\u200Bsuc';

describe('the dependency map', () => {
  it('shows a service name’s hidden characters, in the node and in its accessible name', () => {
    const layout = layoutMap([
      { id: 'api', dependsOn: ['spoof'] },
      { id: 'spoof', dependsOn: [] },
    ]);
    const html = renderToStaticMarkup(
      <MapCanvas
        layout={layout}
        names={new Map([['spoof', SPOOF]])}
        highlights={{
          health: new Map(),
          impactedBy: new Map(),
          openIncidents: new Map(),
        }}
        selectedId={null}
        onSelect={() => {}}
        onOpen={() => {}}
      />,
    );
    expect(html).not.toContain('\u202E');
    expect(html).not.toContain('\u200B');
    expect(html).toContain('&lt;U+202E&gt;');
    expect(html).toContain('&lt;U+200B&gt;');
  });
});
