import { describe, expect, it } from 'vitest';
import { HubMetrics } from '../../../server/metrics/hub-metrics';
import type { HubEvent } from '../../../shared/events';
import { sampleValue } from '../../support/metrics';

// Two hubs in one process (tests, the escalation clock harness) must not share series, and no
// label may carry a word a sender chose.

describe('HubMetrics', () => {
  it('keeps each hub’s series in its own registry', async () => {
    const one = new HubMetrics();
    const two = new HubMetrics();
    one.command('acknowledge', 'ok');
    expect(
      sampleValue(await one.text(), 'sitroom_commands_total', { type: 'acknowledge', outcome: 'ok' }),
    ).toBe(1);
    expect(
      sampleValue(await two.text(), 'sitroom_commands_total', { type: 'acknowledge', outcome: 'ok' }),
    ).toBeNull();
    expect(sampleValue(await two.text(), 'process_cpu_user_seconds_total')).not.toBeNull();
  });

  it('counts words from outside as "other"', async () => {
    const metrics = new HubMetrics();
    metrics.command('__proto__', 'constructor');
    metrics.command({ toString: () => 'x' }, 'ok');
    metrics.alertsIngested('evil\nsource', 2, null);
    metrics.committed(1, 0.001, [{ type: 'made_up' } as unknown as HubEvent]);
    const text = await metrics.text();
    expect(sampleValue(text, 'sitroom_commands_total', { type: 'other', outcome: 'other' })).toBe(1);
    expect(sampleValue(text, 'sitroom_commands_total', { type: 'other', outcome: 'ok' })).toBe(1);
    expect(sampleValue(text, 'sitroom_ingest_alerts_total', { source: 'other', outcome: 'refused' })).toBe(2);
    expect(sampleValue(text, 'sitroom_events_committed_total', { type: 'other' })).toBe(1);
    expect(text).not.toMatch(/__proto__|constructor|evil|made_up/);
  });

  it('splits a commit and the following of other hubs into steps', async () => {
    const metrics = new HubMetrics();
    metrics.commitStage('lock', 0.002);
    metrics.commitStage('commit', 0.001);
    metrics.followStage('notified', 0.0004);
    metrics.followed('notification');
    const text = await metrics.text();
    expect(sampleValue(text, 'sitroom_commit_stage_seconds_count', { stage: 'lock' })).toBe(1);
    expect(sampleValue(text, 'sitroom_commit_stage_seconds_sum', { stage: 'commit' })).toBe(0.001);
    expect(
      sampleValue(text, 'sitroom_follow_stage_seconds_bucket', { stage: 'notified', le: '0.0005' }),
    ).toBe(1);
    expect(sampleValue(text, 'sitroom_follow_batches_total', { source: 'notification' })).toBe(1);
  });
});
