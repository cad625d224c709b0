import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config/load';
import { examplesDir, pointUrlsAt, prepareDemoFolder } from '../../../server/demo/demo-folder';
import { demoHistory, HISTORY_GROUP_PREFIX } from '../../../server/demo/demo-history';
import { DemoPlayer } from '../../../server/demo/demo-player';
import type { DemoStep } from '../../../server/demo/scenario';
import type { IngestBatch } from '../../../server/ingest/batch';
import type { SitroomConfig } from '../../../shared/config/types';
import type { Incident } from '../../../shared/domain';
import type { HubEvent } from '../../../shared/events';
import { applyEvents } from '../../../shared/reducer';

// The demo's parts that need no hub: its copy of examples/ (channels pointed at the receiver,
// open local mode), its marked history (real past times, paged and answered by the people the
// rotations had on call then), and the player's speed and drill mode.

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function demoConfig(): Promise<SitroomConfig> {
  const folder = await prepareDemoFolder(examplesDir(), 'http://127.0.0.1:4567');
  folders.push(folder);
  const result = await loadConfig(folder, { open: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

describe('the demo folder', () => {
  it('points every paging and chat URL at the receiver, and keeps the rest of the line', () => {
    expect(
      pointUrlsAt(
        [
          '    webhook: https://paging.example.org/people/dana',
          '      - slack_webhook: https://hooks.slack.com/services/T0/B0/payments # the channel',
          '  notify: [{ webhook: "https://paging.example.org/hooks/data" }]',
          '    email: dana@example.org',
        ].join('\n'),
        'http://127.0.0.1:4567',
      ).split('\n'),
    ).toEqual([
      '    webhook: http://127.0.0.1:4567/paging.example.org/people/dana',
      '      - slack_webhook: http://127.0.0.1:4567/hooks.slack.com/services/T0/B0/payments # the channel',
      '  notify: [{ webhook: "http://127.0.0.1:4567/paging.example.org/hooks/data" }]',
      '    email: dana@example.org',
    ]);
  });

  it('is the example estate in open local mode, with no monitoring credentials and no https left', async () => {
    const config = await demoConfig();
    expect(config.openMode).toBe(true);
    expect(config.users.length).toBeGreaterThan(20);
    expect(config.integrations).toEqual([]);
    const urls = [
      ...config.users.flatMap((user) => (user.webhook ? [user.webhook] : [])),
      ...config.teams.flatMap((team) =>
        team.notify.flatMap((channel) => (channel.kind === 'email' ? [] : [channel.url])),
      ),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('http://127.0.0.1:4567/')).toBe(true);
    // The demo has no mail server: the examples' email channels are left out of its copy.
    expect(config.teams.flatMap((team) => team.notify).filter((channel) => channel.kind === 'email')).toEqual(
      [],
    );
    expect(config.teams.flatMap((team) => team.notify).some((channel) => channel.kind === 'teams')).toBe(
      true,
    );
  });
});

describe('the demo history', () => {
  const now = Date.parse('2026-12-04T15:00:00Z');

  it('is two weeks of past incidents, marked as demo data, answered by who was on call then', async () => {
    const config = await demoConfig();
    let n = 0;
    const events = demoHistory(config, now, () => `INC-${++n}`);
    expect(n).toBeGreaterThanOrEqual(20);
    expect(events.every((event) => event.at < now && event.at > now - 15 * 24 * 3_600_000)).toBe(true);
    const numbered = events.map((event, i) => ({ ...event, seq: i + 1 }) as HubEvent);
    const incidents = Object.values(applyEvents({}, numbered));
    expect(incidents).toHaveLength(n);
    const people = new Set(config.users.map((user) => user.id));
    for (const incident of incidents) {
      expect(incident.status).toBe('resolved');
      expect(incident.source).toBe('demo');
      expect(incident.groupKey.startsWith(HISTORY_GROUP_PREFIX)).toBe(true);
      expect(Object.values(incident.alerts).every((alert) => alert.labels.demo === 'true')).toBe(true);
      expect(incident.escalation?.stopped).not.toBeNull();
      if (incident.acknowledgedBy?.kind === 'user') {
        expect(people.has(incident.acknowledgedBy.id)).toBe(true);
        expect(incident.acknowledgedAt).toBeGreaterThanOrEqual(incident.openedAt);
      }
    }
    const notes = numbered.filter((event) => event.type === 'note_added');
    expect(notes).toHaveLength(n);
    // Some were answered only after the next level was woken.
    expect(numbered.some((event) => event.type === 'escalation_level_paged' && event.level === 2)).toBe(true);
    // The same moment writes the same history.
    let m = 0;
    expect(demoHistory(config, now, () => `INC-${++m}`)).toEqual(events);
  });
});

describe('the demo player', () => {
  const scenario: DemoStep[] = [
    { kind: 'alerts', atSeconds: 0, group: 'db', title: 'Lag on db', alerts: [] },
    { kind: 'act', atSeconds: 1, group: 'db', action: { type: 'acknowledge', by: 'paged' } },
    { kind: 'alerts', atSeconds: 2, group: 'db', title: 'Lag on db', alerts: [] },
  ];
  // Every group has an open incident; asking who acts is recorded (and goes no further).
  const player = (batches: IngestBatch[], acted: string[]) =>
    new DemoPlayer({
      ingest: async (batch) => void batches.push(batch),
      openIncidentFor: () => ({ id: 'INC-1' }) as Incident,
      command: async () => ({ ok: true, seq: 1 }),
      actionContext: () => {
        acted.push('asked');
        throw new Error('not needed here');
      },
      log: () => {},
    });

  it('plays the scenario `speed` times faster, with the example people acting', async () => {
    const batches: IngestBatch[] = [];
    const acted: string[] = [];
    const demo = player(batches, acted);
    expect(demo.play({ speed: 100, scripted: true }, scenario)).toBe(true);
    expect(demo.play({ speed: 100, scripted: true }, scenario)).toBe(false);
    await expect.poll(() => batches.length, { timeout: 2_000 }).toBe(2);
    expect(acted).toEqual(['asked']);
    expect(demo.running).toBe(false);
  });

  it('in a drill plays the alerts only: the actions are the trainees’', async () => {
    const batches: IngestBatch[] = [];
    const acted: string[] = [];
    const drill = player(batches, acted);
    drill.play({ speed: 100, scripted: false }, scenario);
    await expect.poll(() => batches.length, { timeout: 2_000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(acted).toEqual([]);
  });
});
