import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseAlertmanager } from '../../../server/ingest/alertmanager';
import { normalisePagerduty } from '../../../server/ingest/pagerduty';
import { alertmanagerWebhookSchema } from '../../../shared/ingest/alertmanager';
import { pagerdutyEventSchema } from '../../../shared/ingest/pagerduty';
import { samplesDir } from '../../support/hub';

const actor = { kind: 'integration', id: 'test' } as const;
const read = (name: string): unknown => JSON.parse(readFileSync(join(samplesDir, name), 'utf8'));

describe('normaliseAlertmanager', () => {
  const body = alertmanagerWebhookSchema.parse(read('alertmanager-firing.json'));
  const result = normaliseAlertmanager(body, actor, 42);

  it('groups by groupKey and titles the incident by alert name and service', () => {
    expect(result.groupKey).toBe(
      'alertmanager:{}:{alertname="PostgresReplicationLag", service="payments-db"}',
    );
    expect(result.title).toBe('PostgresReplicationLag on payments-db');
  });

  it('maps each alert: fingerprint, severity, service, summary, links', () => {
    expect(result.alerts[0]).toMatchObject({
      fingerprint: '8740e0d018a83277',
      severity: 'sev1',
      service: 'payments-db',
      title: 'Replica pg-2 is 312s behind primary',
      endsAt: null,
    });
    expect(result.alerts[0]?.links.map((link) => link.text)).toEqual(['Source', 'Runbook', 'Alertmanager']);
  });

  it('derives a stable fingerprint when the sender has none', () => {
    const noFingerprint = {
      ...body,
      alerts: body.alerts.map(({ fingerprint: _f, ...rest }) => rest),
    };
    const a = normaliseAlertmanager(noFingerprint, actor, 1).alerts.map((alert) => alert.fingerprint);
    const b = normaliseAlertmanager(noFingerprint, actor, 2).alerts.map((alert) => alert.fingerprint);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
  });
});

describe('normalisePagerduty', () => {
  it('keys the alert and the group by dedup_key and keeps the summary as text', () => {
    const event = pagerdutyEventSchema.parse(read('pagerduty-trigger.json'));
    const result = normalisePagerduty(event, 'dc1/lb-edge-4/packet-loss', actor, 7);
    expect(result.groupKey).toBe('pagerduty:dc1/lb-edge-4/packet-loss');
    expect(result.alerts[0]).toMatchObject({
      fingerprint: 'dc1/lb-edge-4/packet-loss',
      severity: 'sev2',
      title: 'Packet loss 12% on lb-edge-4 uplink',
      service: 'uplink-eth1',
    });
    expect(result.alerts[0]?.links).toContainEqual({
      href: 'https://grafana.noc.example/d/edge',
      text: 'Edge dashboard',
    });
  });

  it('turns resolve into a resolved alert and acknowledge into an acknowledgement', () => {
    const resolve = pagerdutyEventSchema.parse({ routing_key: 'k', event_action: 'resolve', dedup_key: 'd' });
    expect(normalisePagerduty(resolve, 'd', actor, 7).alerts[0]).toMatchObject({
      fingerprint: 'd',
      status: 'resolved',
    });
    const ack = pagerdutyEventSchema.parse({ routing_key: 'k', event_action: 'acknowledge', dedup_key: 'd' });
    expect(normalisePagerduty(ack, 'd', actor, 7)).toMatchObject({ acknowledge: true, alerts: [] });
  });
});
