import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';

// The route table matches /api/v1/incidents/{id}/timeline.{format} for any format; the export
// handler knew four. Any other (.pdf, .constructor) got no answer at all: the request hung with
// its connection open. A format it does not know is a 404 naming `format`.

let hub: RunningHub | null = null;
afterEach(async () => {
  await hub?.kill();
  hub = null;
});

describe('a timeline export in a format the hub does not make', () => {
  it('is answered 404 naming the format, and a known format still downloads', async () => {
    hub = await startHub();
    const firing = readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8');
    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing)).status).toBe(200);
    for (const format of ['pdf', 'constructor', '__proto__']) {
      const response = await hub.api(`/api/v1/incidents/INC-1/timeline.${format}`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status, format).toBe(404);
      expect(((await response.json()) as { error: { path?: string } }).error.path).toBe('format');
    }
    expect((await hub.api('/api/v1/incidents/INC-1/timeline.md')).status).toBe(200);
  });
});
