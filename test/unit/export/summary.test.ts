import { describe, expect, it } from 'vitest';
import { summarizeIncident, summaryLines } from '../../../shared/export/summary';
import { foldIncident, handWorkedEvents, MINUTE, NAMES, numberEvents, T0 } from './timeline-fixture';

describe('summarizeIncident', () => {
  it('works out the hand-worked incident’s figures', () => {
    const events = handWorkedEvents();
    const summary = summarizeIncident(foldIncident(events), events, T0 + 10 * 60 * MINUTE);
    expect(summary).toMatchObject({
      id: 'INC-1',
      title: 'PostgresReplicationLag on payments-db',
      severity: 'sev2',
      status: 'resolved',
      services: ['payments-db'],
      alertCount: 2,
      openedAt: T0,
      acknowledgedAt: T0 + 252_000,
      resolvedAt: T0 + 3_723_000,
      commander: 'dana',
      people: ['alice', 'dana', 'bob'],
      ongoing: false,
      timeToAcknowledgeMs: 252_000,
      timeToResolveMs: 3_723_000,
      // Resolved: the duration ends at resolution, not at `now`.
      durationMs: 3_723_000,
    });
  });

  it('runs the duration to now while the incident is open', () => {
    const events = handWorkedEvents({ resolved: false });
    const summary = summarizeIncident(foldIncident(events), events, T0 + 2 * 60 * MINUTE);
    expect(summary).toMatchObject({ ongoing: true, durationMs: 7_200_000, timeToResolveMs: null });
  });

  it('has no time to acknowledge when monitoring cleared it before anyone acted', () => {
    const events = numberEvents([
      {
        type: 'incident_opened',
        incidentId: 'INC-2',
        at: T0,
        actor: { kind: 'integration', id: 'prom' },
        title: 'Flap',
        severity: 'sev3',
        source: 'alertmanager',
        groupKey: 'g',
      },
      {
        type: 'incident_resolved',
        incidentId: 'INC-2',
        at: T0 + 90_000,
        actor: { kind: 'system' },
        reason: 'alerts_cleared',
      },
    ]);
    const summary = summarizeIncident(foldIncident(events, 'INC-2'), events, T0 + 999 * MINUTE);
    expect(summary).toMatchObject({
      timeToAcknowledgeMs: null,
      timeToResolveMs: 90_000,
      people: [],
      commander: null,
    });
  });
});

describe('summaryLines', () => {
  it('labels each figure, with times in the zone and people by name', () => {
    const events = handWorkedEvents();
    const lines = summaryLines(summarizeIncident(foldIncident(events), events, T0), 'Europe/Berlin', NAMES);
    const value = (key: string) => lines.find((line) => line.key === key)?.value;
    expect(value('opened')).toBe('2026-11-27 05:23:52 +01:00 (Europe/Berlin)');
    expect(value('acknowledged')).toBe('2026-11-27 05:28:04 +01:00 (Europe/Berlin)');
    expect(value('resolved')).toBe('2026-11-27 06:25:55 +01:00 (Europe/Berlin)');
    expect(value('duration')).toBe('1h 02m 03s');
    expect(value('time_to_acknowledge')).toBe('4m 12s');
    expect(value('time_to_resolve')).toBe('1h 02m 03s');
    expect(value('commander')).toBe('Dana Reyes');
    expect(value('people')).toBe('Alice Ng, Dana Reyes, bob');
    expect(value('services')).toBe('payments-db');
    expect(value('severity')).toBe('SEV2');
    expect(value('alerts')).toBe('2');
  });
});
