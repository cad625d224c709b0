import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertmanagerWebhookSchema, parseAlertmanagerTime } from '../../../shared/ingest/alertmanager';
import { pagerdutyEventSchema } from '../../../shared/ingest/pagerduty';
import { samplesDir } from '../../support/hub';

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(samplesDir, name), 'utf8')) as Record<string, unknown>;

describe('Alertmanager webhook schema', () => {
  it('accepts the bodies a real Alertmanager sent', () => {
    expect(alertmanagerWebhookSchema.safeParse(sample('alertmanager-firing.json')).success).toBe(true);
    expect(alertmanagerWebhookSchema.safeParse(sample('alertmanager-resolved.json')).success).toBe(true);
  });

  it('accepts a minimal body without optional fields (no fingerprint, no annotations)', () => {
    const body = {
      groupKey: '{}:{alertname="X"}',
      status: 'firing',
      alerts: [{ status: 'firing', labels: { alertname: 'X' }, startsAt: '2026-11-27T04:23:52Z' }],
    };
    const parsed = alertmanagerWebhookSchema.parse(body);
    expect(parsed.truncatedAlerts).toBe(0);
    expect(parsed.alerts[0]?.annotations).toEqual({});
  });

  it('names the field that is wrong', () => {
    const body = sample('alertmanager-firing.json');
    const alerts = body.alerts as Array<Record<string, unknown>>;
    alerts[1] = { ...alerts[1], labels: { severity: 5 } };
    const result = alertmanagerWebhookSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['alerts', 1, 'labels', 'severity']);
  });

  it('treats the zero time as "not ended"', () => {
    expect(parseAlertmanagerTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(parseAlertmanagerTime('2026-11-27T04:23:57Z')).toBe(Date.parse('2026-11-27T04:23:57Z'));
  });
});

describe('PagerDuty Events v2 schema', () => {
  it('accepts the documented trigger', () => {
    expect(pagerdutyEventSchema.safeParse(sample('pagerduty-trigger.json')).success).toBe(true);
  });

  it('requires a payload for trigger and a dedup_key for acknowledge and resolve', () => {
    const trigger = pagerdutyEventSchema.safeParse({ routing_key: 'k', event_action: 'trigger' });
    expect(trigger.error?.issues[0]?.path).toEqual(['payload']);
    const resolve = pagerdutyEventSchema.safeParse({ routing_key: 'k', event_action: 'resolve' });
    expect(resolve.error?.issues[0]?.path).toEqual(['dedup_key']);
  });

  it('enforces PagerDuty limits: summary ≤ 1024, dedup_key ≤ 255, known severities', () => {
    const base = sample('pagerduty-trigger.json');
    const payload = base.payload as Record<string, unknown>;
    expect(pagerdutyEventSchema.safeParse({ ...base, dedup_key: 'k'.repeat(256) }).success).toBe(false);
    expect(
      pagerdutyEventSchema.safeParse({ ...base, payload: { ...payload, summary: 's'.repeat(1025) } }).success,
    ).toBe(false);
    expect(
      pagerdutyEventSchema.safeParse({ ...base, payload: { ...payload, severity: 'urgent' } }).success,
    ).toBe(false);
  });
});
