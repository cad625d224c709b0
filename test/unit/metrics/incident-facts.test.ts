import { describe, expect, it } from 'vitest';
import { incidentFacts } from '../../../shared/metrics/incident-facts';
import { factsOfIncidents } from '../../../shared/metrics/incident-stream';
import { HOUR, MINUTE, TimelineLog, user } from './timeline-log';

// One incident's events folded into what the statistics count.

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);
const db = (fingerprint: string) => ({ fingerprint, service: 'payments-db' });

describe('incident facts', () => {
  it('take the first acknowledgement by a person, not by an integration', () => {
    //   T0       opened, two payments-db alerts
    //   +1m      PagerDuty-style acknowledge from the integration   → not a person: ignored
    //   +4m      alice acknowledges                                 → acknowledgedAt = T0 + 4m
    //   +6m      bob acknowledges too                               → still +4m: the first person counts
    //   +60m     dana resolves                                      → resolvedAt = T0 + 60m
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev1', [db('a1'), db('a2')])
      .acknowledge('INC-1', T0 + MINUTE, { kind: 'integration', id: 'zabbix' })
      .acknowledge('INC-1', T0 + 4 * MINUTE, user('alice'))
      .acknowledge('INC-1', T0 + 6 * MINUTE, user('bob'))
      .resolve('INC-1', T0 + HOUR);
    expect(log.facts('INC-1')).toEqual({
      incidentId: 'INC-1',
      openedAt: T0,
      acknowledgedAt: T0 + 4 * MINUTE,
      resolvedAt: T0 + HOUR,
      severity: 'sev1',
      services: ['payments-db'],
      alerts: 2,
      alertsByService: { 'payments-db': 2 },
      escalationsPaged: 0,
      mergedInto: null,
    });
  });

  it('count an incident only an integration acknowledged as unacknowledged', () => {
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev2', [db('a1')])
      .acknowledge('INC-1', T0 + MINUTE, { kind: 'integration', id: 'zabbix' })
      .autoResolve('INC-1', T0 + 30 * MINUTE);
    expect(log.facts('INC-1')).toMatchObject({ acknowledgedAt: null, resolvedAt: T0 + 30 * MINUTE });
  });

  it('take the last resolution after a reopen, and none while it is open again', () => {
    //   +20m resolved, +40m reopened → open: resolvedAt null
    //   +90m resolved again          → resolvedAt = T0 + 90m (time to resolve 90 min, not 20)
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev2', [db('a1')])
      .resolve('INC-1', T0 + 20 * MINUTE)
      .reopen('INC-1', T0 + 40 * MINUTE);
    expect(log.facts('INC-1').resolvedAt).toBeNull();
    log.resolve('INC-1', T0 + 90 * MINUTE);
    expect(log.facts('INC-1').resolvedAt).toBe(T0 + 90 * MINUTE);
  });

  it('keep the severity people set last, not the one it opened with', () => {
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev2', [db('a1')])
      .setSeverity('INC-1', T0 + 5 * MINUTE, 'sev4', 'sev2');
    expect(log.facts('INC-1').severity).toBe('sev4');
  });

  it('count every escalation level paged, repeats included', () => {
    //   level 1 at +0, level 2 at +5m, level 1 again (cycle 1) at +15m → 3 pages
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev1', [db('a1')])
      .page('INC-1', T0, 1)
      .page('INC-1', T0 + 5 * MINUTE, 2)
      .page('INC-1', T0 + 15 * MINUTE, 1, 1)
      .acknowledge('INC-1', T0 + 16 * MINUTE);
    expect(log.facts('INC-1').escalationsPaged).toBe(3);
  });

  it('give a merged incident its target, and the target its alerts once each', () => {
    //   INC-1: a1 (payments-db), a2 (payments-api)
    //   INC-2: a2 again (same fingerprint) and a3 (payments-db), no-service alert a4 → merged into INC-1
    //   INC-1 then has a1, a2, a3, a4: 4 distinct alerts; payments-db 2, payments-api 1
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev2', [db('a1'), { fingerprint: 'a2', service: 'payments-api' }])
      .open('INC-2', T0 + MINUTE, 'sev3', [
        { fingerprint: 'a2', service: 'payments-api' },
        db('a3'),
        { fingerprint: 'a4', service: null },
      ])
      .merge('INC-2', 'INC-1', T0 + 10 * MINUTE);
    expect(log.facts('INC-2')).toMatchObject({ mergedInto: 'INC-1', resolvedAt: T0 + 10 * MINUTE });
    expect(log.facts('INC-1')).toMatchObject({
      mergedInto: null,
      alerts: 4,
      services: ['payments-db', 'payments-api'],
      alertsByService: { 'payments-db': 2, 'payments-api': 1 },
      severity: 'sev2',
    });
  });

  it('are absent without the incident_opened to measure from', () => {
    const log = new TimelineLog().open('INC-1', T0, 'sev2', [db('a1')]).note('INC-1', T0 + MINUTE, 'late');
    expect(incidentFacts(log.of('INC-1').slice(1))).toBeNull();
    expect(incidentFacts([])).toBeNull();
  });
});

describe('facts of a stream grouped by incident', () => {
  it('yield one per incident, in stream order, each folded from its own events only', () => {
    const log = new TimelineLog()
      .open('INC-1', T0, 'sev1', [db('a1')])
      .acknowledge('INC-1', T0 + 2 * MINUTE)
      .open('INC-2', T0 + MINUTE, 'sev3', [db('b1'), db('b2')])
      .resolve('INC-2', T0 + 3 * MINUTE);
    const grouped = [...log.of('INC-2'), ...log.of('INC-1')];
    const facts = [...factsOfIncidents(grouped)];
    expect(facts.map((f) => [f.incidentId, f.alerts, f.acknowledgedAt, f.resolvedAt])).toEqual([
      ['INC-2', 2, null, T0 + 3 * MINUTE],
      ['INC-1', 1, T0 + 2 * MINUTE, null],
    ]);
  });

  it('yield nothing for no events', () => {
    expect([...factsOfIncidents([])]).toEqual([]);
  });
});
