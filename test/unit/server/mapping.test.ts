import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { mappingFor } from '../../../server/ingest/mapping';
import type { SitroomConfig } from '../../../shared/config/types';

// An integration's mapping is made once per configuration: the same answers as making it per
// delivery, and a reloaded configuration (a new object) gets mappings of its own.

async function configWith(services: string[]): Promise<SitroomConfig> {
  const dir = mkdtempSync(join(tmpdir(), 'sitroom-mapping-'));
  writeFileSync(
    join(dir, 'services.yaml'),
    ['teams:', '  - { id: noc, name: NOC }', 'services:', ...services].join('\n'),
  );
  const result = await loadConfig(dir);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.config;
}

const service = (id: string, labels: string) =>
  `  - { id: ${id}, name: ${id}, team: noc, tier: 1, match: { labels: ${labels} } }`;

describe('mappingFor', () => {
  it("claims an alert for the first service whose every match label it carries, in the catalog's order", async () => {
    const config = await configWith([
      service('nothing', '{}'),
      service('edge', '{ job: edge, env: prod }'),
      service('edge-any', '{ job: edge }'),
    ]);
    const byLabels = mappingFor(config, null).serviceByLabels;
    expect(byLabels?.({ job: 'edge', env: 'prod' })).toBe('edge');
    expect(byLabels?.({ job: 'edge', env: 'test' })).toBe('edge-any');
    expect(byLabels?.({ env: 'prod' })).toBeNull();
  });

  it('is made once per configuration, and afresh for a reloaded one', async () => {
    const before = await configWith([service('edge', '{ job: edge }')]);
    const after = await configWith([service('gateway', '{ job: edge }')]);
    expect(mappingFor(before, null)).toBe(mappingFor(before, null));
    expect(mappingFor(before, null).serviceByLabels?.({ job: 'edge' })).toBe('edge');
    expect(mappingFor(after, null).serviceByLabels?.({ job: 'edge' })).toBe('gateway');
  });
});
