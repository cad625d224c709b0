import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson, type RunningHub, samplesDir, startHub } from '../support/hub';
import { query, type RunningPrometheus, startPrometheus, targetHealth } from '../support/prometheus';

// A real Prometheus scrapes two real hubs as production would: one in open local mode (loopback,
// no token) and one with users.yaml, whose scrape presents a viewer's token from a credentials file.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** Polls until `check` returns a value (Prometheus scrapes every second); fails after the timeout. */
async function eventually<T>(what: string, check: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Prometheus scraping the hub', () => {
  let open: RunningHub;
  let configured: RunningHub;
  let prometheus: RunningPrometheus;
  beforeAll(async () => {
    [open, configured] = await Promise.all([
      startHub(),
      startHub({ args: ['--config-dir', copyOfValidConfig()] }),
    ]);
    expect((await postJson(`${open.url}/api/v1/ingest/alertmanager`, firing)).status).toBe(200);
    prometheus = await startPrometheus([
      { name: 'sitroom-open', target: `127.0.0.1:${open.port}` },
      { name: 'sitroom-configured', target: `127.0.0.1:${configured.port}`, token: 'wall-token' },
      { name: 'sitroom-wrong-token', target: `127.0.0.1:${configured.port}`, token: 'nobody-token' },
    ]);
  }, 60_000);
  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all([open?.kill(), configured?.kill()]);
  });

  it('reports both hubs up, and a scrape with a wrong token down', async () => {
    const health = await eventually('every target scraped', async () => {
      const targets = await targetHealth(prometheus);
      return [...targets.values()].every((state) => state !== 'unknown') && targets.size === 3
        ? targets
        : null;
    });
    expect(Object.fromEntries(health)).toEqual({
      'sitroom-open': 'up',
      'sitroom-configured': 'up',
      'sitroom-wrong-token': 'down',
    });
  }, 40_000);

  it('stores the hub’s series: the delivery counted, the log’s seq', async () => {
    const accepted = await eventually('the ingest counter in Prometheus', async () => {
      const samples = await query(
        prometheus,
        'sitroom_ingest_requests_total{job="sitroom-open",source="alertmanager",outcome="accepted"}',
      );
      return samples[0] ? Number(samples[0].value[1]) : null;
    });
    expect(accepted).toBe(1);
    const seq = await query(prometheus, 'sitroom_event_log_seq');
    expect(seq.map((sample) => sample.metric.job).sort()).toEqual(['sitroom-configured', 'sitroom-open']);
    const up = await query(prometheus, 'up{job=~"sitroom-(open|configured)"} == 1');
    expect(up).toHaveLength(2);
  }, 40_000);
});
