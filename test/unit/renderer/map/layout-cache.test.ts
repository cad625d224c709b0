import { describe, expect, it } from 'vitest';
import { layoutOnce } from '../../../../renderer/map/layout-cache';

describe('layoutOnce', () => {
  it('lays a services list out once: reopening the map reuses the layout', () => {
    const services = [
      { id: 'api', dependsOn: ['db'] },
      { id: 'db', dependsOn: [] },
    ];
    const first = layoutOnce(services);
    expect(layoutOnce(services)).toBe(first);
    expect(first.byId.get('db')?.layer).toBe(0);
  });

  it('lays a new catalog out anew, though its services look the same', () => {
    const first = layoutOnce([{ id: 'api', dependsOn: [] }]);
    const reloaded = [
      { id: 'api', dependsOn: ['db'] },
      { id: 'db', dependsOn: [] },
    ];
    const second = layoutOnce(reloaded);
    expect(second).not.toBe(first);
    expect(second.byId.get('api')?.layer).toBe(1);
  });
});
