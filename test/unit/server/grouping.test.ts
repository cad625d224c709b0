import { describe, expect, it } from 'vitest';
import { planIngest } from '../../../server/ingest/grouping';
import type { Incident } from '../../../shared/domain';
import type { NewEvent } from '../../../shared/events';
import { applyEvents } from '../../../shared/reducer';
import { alert, batch } from '../../support/fixtures';

// Runs deliveries through the planner and the reducer the way the writer does.
function deliver(deliveries: Parameters<typeof planIngest>[0][]) {
  let incidents: Record<string, Incident> = {};
  let seq = 0;
  let next = 1;
  const log: NewEvent[][] = [];
  for (const delivery of deliveries) {
    const open = Object.values(incidents).find(
      (i) => i.groupKey === delivery.groupKey && i.status !== 'resolved',
    );
    const planned = planIngest(delivery, open, () => `INC-${next++}`);
    log.push(planned);
    incidents = {
      ...applyEvents(
        incidents,
        planned.map((event) => ({ ...event, seq: ++seq }) as never),
      ),
    };
  }
  return { incidents, log };
}

const resolved = (fingerprint: string) => alert(fingerprint, { status: 'resolved', endsAt: 9_000 });

describe('planIngest', () => {
  it('opens one incident per group with the worst severity of its alerts', () => {
    const { incidents, log } = deliver([
      batch('g1', [alert('a', { severity: 'sev3' }), alert('b', { severity: 'sev1' })]),
    ]);
    expect(log[0]?.map((event) => event.type)).toEqual(['incident_opened', 'alert_fired', 'alert_fired']);
    expect(Object.values(incidents)).toHaveLength(1);
    expect(incidents['INC-1']).toMatchObject({ severity: 'sev1', alertCount: 2, firingCount: 2 });
  });

  it('adds nothing for a repeated delivery', () => {
    const { log } = deliver([batch('g1', [alert('a')]), batch('g1', [alert('a')])]);
    expect(log[1]).toEqual([]);
  });

  it('joins new alerts of the same group to the open incident', () => {
    const { incidents, log } = deliver([batch('g1', [alert('a')]), batch('g1', [alert('a'), alert('b')])]);
    expect(log[1]?.map((event) => event.type)).toEqual(['alert_fired']);
    expect(incidents['INC-1']?.alertCount).toBe(2);
  });

  it('resolves the incident itself when every alert resolves and nobody acknowledged it', () => {
    const { incidents, log } = deliver([
      batch('g1', [alert('a'), alert('b')]),
      batch('g1', [resolved('a'), resolved('b')]),
    ]);
    expect(log[1]?.map((event) => event.type)).toEqual([
      'alert_resolved',
      'alert_resolved',
      'incident_resolved',
    ]);
    expect(incidents['INC-1']).toMatchObject({
      status: 'resolved',
      resolvedBy: { kind: 'integration', id: 'test' },
    });
  });

  it('stays open while some alerts still fire', () => {
    const { incidents } = deliver([
      batch('g1', [alert('a'), alert('b')]),
      batch('g1', [resolved('a'), alert('b')]),
    ]);
    expect(incidents['INC-1']).toMatchObject({ status: 'investigating', firingCount: 1 });
  });

  it('leaves resolving to a person once a person acknowledged', () => {
    const first = deliver([batch('g1', [alert('a')])]);
    const acked = applyEvents(first.incidents, [
      {
        type: 'incident_acknowledged',
        incidentId: 'INC-1',
        at: 6,
        actor: { kind: 'user', id: 'dana' },
        seq: 99,
      },
    ]);
    const plan = planIngest(batch('g1', [resolved('a')]), acked['INC-1'], () => 'INC-2');
    expect(plan.map((event) => event.type)).toEqual(['alert_resolved']);
  });

  it('opens a new incident when a resolved group fires again', () => {
    const { incidents } = deliver([
      batch('g1', [alert('a')]),
      batch('g1', [resolved('a')]),
      batch('g1', [alert('a')]),
    ]);
    expect(incidents['INC-1']?.status).toBe('resolved');
    expect(incidents['INC-2']).toMatchObject({ status: 'investigating', firingCount: 1 });
  });

  it('ignores a resolved-only group it never saw firing', () => {
    const { incidents, log } = deliver([batch('g1', [resolved('a')])]);
    expect(log[0]).toEqual([]);
    expect(incidents).toEqual({});
  });

  it('records an acknowledge from monitoring without blocking self-resolution', () => {
    const { incidents, log } = deliver([
      batch('pd', [alert('k', { source: 'pagerduty' })], { source: 'pagerduty' }),
      batch('pd', [], { source: 'pagerduty', acknowledge: true }),
      batch('pd', [resolved('k')], { source: 'pagerduty' }),
    ]);
    expect(log[1]?.map((event) => event.type)).toEqual(['incident_acknowledged']);
    expect(incidents['INC-1']).toMatchObject({ status: 'resolved', humanInvolved: false });
  });
});
