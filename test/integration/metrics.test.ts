import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, sendCommand } from '../support/commands';
import { copyOfValidConfig } from '../support/config-folder';
import { postJson, type RunningHub, repoRoot, samplesDir, startHub } from '../support/hub';
import { promtoolCheckMetrics, sampleValue, scrape } from '../support/metrics';

// GET /metrics on the real hub: Prometheus's own linter accepts it, the counters move as
// monitoring delivers and operators act, and only those allowed may scrape.

const firing = JSON.parse(readFileSync(join(samplesDir, 'alertmanager-firing.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('metrics in open local mode', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.kill();
  });

  it('passes promtool check metrics', async () => {
    const { status, text, contentType } = await scrape(hub.url);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const lint = promtoolCheckMetrics(text);
    expect(lint.output).toBe('');
    expect(lint.code).toBe(0);
    expect(sampleValue(text, 'process_cpu_user_seconds_total')).not.toBeNull();
    expect(sampleValue(text, 'sitroom_store_up')).toBe(1);
  });

  it('has every metric the example alert rules use', async () => {
    const { text } = await scrape(hub.url);
    const exposed = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]));
    const rules = readFileSync(join(repoRoot, 'examples', 'monitoring', 'sitroom-rules.yml'), 'utf8');
    const used = new Set(
      [...rules.matchAll(/\b(sitroom_\w+)/g)].map((match) => (match[1] ?? '').replace(/_bucket$/, '')),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(exposed, name).toContain(name);
  });

  it('counts deliveries and their alerts by source and outcome', async () => {
    const before = (await scrape(hub.url)).text;
    const accepted = (t: string) =>
      sampleValue(t, 'sitroom_ingest_requests_total', { source: 'alertmanager', outcome: 'accepted' }) ?? 0;
    const fired = (t: string) =>
      sampleValue(t, 'sitroom_ingest_alerts_total', { source: 'alertmanager', outcome: 'fired' }) ?? 0;
    const unchanged = (t: string) =>
      sampleValue(t, 'sitroom_ingest_alerts_total', { source: 'alertmanager', outcome: 'unchanged' }) ?? 0;
    const alerts = (firing.alerts as unknown[]).length;

    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing)).status).toBe(200);
    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing)).status).toBe(200);
    expect((await postJson(`${hub.url}/api/v1/ingest/alertmanager`, { version: 4 })).status).toBe(400);
    const after = (await scrape(hub.url)).text;

    expect(accepted(after) - accepted(before)).toBe(2);
    expect(fired(after) - fired(before)).toBe(alerts);
    expect(unchanged(after) - unchanged(before)).toBe(alerts);
    expect(
      sampleValue(after, 'sitroom_ingest_requests_total', { source: 'alertmanager', outcome: 'invalid' }),
    ).toBe(1);
    expect(sampleValue(after, 'sitroom_event_log_seq')).toBeGreaterThan(
      sampleValue(before, 'sitroom_event_log_seq') ?? 0,
    );
    expect(sampleValue(after, 'sitroom_commit_duration_seconds_count')).toBeGreaterThan(
      sampleValue(before, 'sitroom_commit_duration_seconds_count') ?? 0,
    );
    expect(
      sampleValue(after, 'sitroom_events_committed_total', { type: 'incident_opened' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'sitroom_event_log_size_bytes')).toBeGreaterThan(0);
    // The SQLite writer thread times its steps too: the fsync is most of what a 2xx waits for.
    for (const stage of ['lock', 'write', 'commit']) {
      const count = (t: string) => sampleValue(t, 'sitroom_commit_stage_seconds_count', { stage }) ?? 0;
      expect(count(after) - count(before), stage).toBeGreaterThanOrEqual(1);
      expect(sampleValue(after, 'sitroom_commit_stage_seconds_sum', { stage }), stage).toBeGreaterThanOrEqual(
        0,
      );
    }
  });

  it('counts commands by type and outcome, and never by a type a sender made up', async () => {
    await postJson(`${hub.url}/api/v1/ingest/alertmanager`, firing);
    expect((await sendCommand(hub.url, command('add_note', 'INC-1', { text: 'looking' }))).status).toBe(200);
    expect((await sendCommand(hub.url, command('acknowledge', 'INC-404'))).status).toBe(404);
    expect((await sendCommand(hub.url, command('<script>x</script>', 'INC-1'))).status).toBe(400);
    const { text } = await scrape(hub.url);
    expect(sampleValue(text, 'sitroom_commands_total', { type: 'add_note', outcome: 'ok' })).toBe(1);
    expect(sampleValue(text, 'sitroom_commands_total', { type: 'acknowledge', outcome: 'not_found' })).toBe(
      1,
    );
    expect(sampleValue(text, 'sitroom_commands_total', { type: 'other', outcome: 'invalid' })).toBe(1);
    expect(text).not.toContain('<script>');
  });

  it('asks a request that came through a proxy for the open-mode key', async () => {
    const proxied = await scrape(hub.url, { 'x-forwarded-for': '203.0.113.9' });
    expect(proxied.status).toBe(401);
    expect(JSON.parse(proxied.text)).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });
    expect((await scrape(hub.url, { 'x-forwarded-for': '203.0.113.9', ...hub.auth() })).status).toBe(200);
  });

  it('refuses a page on another site reading it (the front door checks Origin)', async () => {
    expect((await scrape(hub.url, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('metrics on a hub with users.yaml', () => {
  let hub: RunningHub;
  let configDir: string;
  beforeAll(async () => {
    configDir = copyOfValidConfig();
    hub = await startHub({ args: ['--config-dir', configDir] });
  });
  afterAll(async () => {
    await hub.kill();
  });

  it('needs a user token, a viewer is enough', async () => {
    expect((await scrape(hub.url)).status).toBe(401);
    expect((await scrape(hub.url, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const viewer = await scrape(hub.url, { authorization: 'Bearer wall-token' });
    expect(viewer.status).toBe(200);
    expect(sampleValue(viewer.text, 'sitroom_config_last_reload_successful')).toBe(1);
  });

  it('counts a reload that found mistakes, and says the hub runs on the previous configuration', async () => {
    const viewer = { authorization: 'Bearer wall-token' };
    writeFileSync(join(configDir, 'services.yaml'), 'services: [\n');
    process.kill(hub.process.pid as number, 'SIGHUP');
    let text = '';
    for (let tries = 0; tries < 100; tries++) {
      text = (await scrape(hub.url, viewer)).text;
      if (sampleValue(text, 'sitroom_config_reloads_total', { outcome: 'invalid' }) !== 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sampleValue(text, 'sitroom_config_reloads_total', { outcome: 'invalid' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(sampleValue(text, 'sitroom_config_last_reload_successful')).toBe(0);
    expect(sampleValue(text, 'sitroom_config_reloads_total', { outcome: 'applied' })).toBe(0);
  });
});
