import { describe, expect, it } from 'vitest';
import {
  escalationRows,
  escalationSignature,
  runningEscalations,
} from '../../../../renderer/escalations/escalation-rows';
import { handoffPassed } from '../../../../renderer/escalations/use-escalations-feed';
import type { Incident, IncidentEscalation } from '../../../../shared/domain';
import type { ActiveEscalation, EscalationsResponse } from '../../../../shared/escalation/escalations-view';
import { incident, rowsOf, T0 } from '../incident-fixtures';

const escalation = (fields: Partial<IncidentEscalation> = {}): IncidentEscalation => ({
  policyId: 'data-critical',
  level: 1,
  cycle: 0,
  pagedUserIds: ['dana'],
  pagedAt: T0,
  nextLevelAt: T0 + 150_000,
  stopped: null,
  ...fields,
});

const escalating = (id: string, fields: Partial<IncidentEscalation> = {}, extra: Partial<Incident> = {}) => ({
  ...incident({ id, severity: 'sev2' }),
  escalation: escalation(fields),
  ...extra,
});

const answered = (incidentId: string, fields: Partial<ActiveEscalation> = {}): ActiveEscalation => ({
  incidentId,
  title: `incident ${incidentId}`,
  severity: 'sev2',
  policyId: 'data-critical',
  level: 1,
  levels: 3,
  cycle: 0,
  pagedUserIds: ['dana'],
  unreachableUserIds: [],
  pagedAt: new Date(T0).toISOString(),
  next: {
    level: 2,
    cycle: 0,
    userIds: ['alice'],
    teams: ['data-platform'],
    unreachableUserIds: [],
    at: new Date(T0 + 150_000).toISOString(),
  },
  ...fields,
});

describe('running escalations', () => {
  it('are the open incidents whose escalation has not stopped, in board order', () => {
    const board = rowsOf(
      escalating('INC-1'),
      escalating('INC-2', {}, { severity: 'sev1' }),
      escalating('INC-3', { stopped: 'acknowledged', nextLevelAt: null }),
      { ...escalating('INC-4'), status: 'resolved', resolvedAt: T0 },
      incident({ id: 'INC-5' }),
      { ...incident({ id: 'INC-6' }), escalation: null },
    );
    expect(runningEscalations(board).map((row) => row.incident.id)).toEqual(['INC-2', 'INC-1']);
  });
});

describe('rows joined with the hub’s answer', () => {
  const running = runningEscalations(rowsOf(escalating('INC-1'), escalating('INC-2', { level: 2 })));

  it('take who is next and the ladder’s length from the answer for the same level', () => {
    const answer: EscalationsResponse = { escalations: [answered('INC-1')], oncall: [] };
    const [first] = escalationRows(running, answer);
    expect(first?.levels).toBe(3);
    expect(first?.next).toMatchObject({ level: 2, userIds: ['alice'] });
  });

  it('leave "next" unknown while the answer predates the last page, keeping the ladder’s length', () => {
    const answer: EscalationsResponse = { escalations: [answered('INC-1'), answered('INC-2')], oncall: [] };
    const second = escalationRows(running, answer)[1];
    expect(second?.incident.id).toBe('INC-2');
    expect(second?.next).toBeUndefined();
    expect(second?.levels).toBe(3);
  });

  it('say nothing follows when the answer says so', () => {
    const answer: EscalationsResponse = { escalations: [answered('INC-1', { next: null })], oncall: [] };
    expect(escalationRows(running, answer)[0]?.next).toBeNull();
  });

  it('still list every live escalation before the hub has answered', () => {
    const rows = escalationRows(running, null);
    expect(rows.map((row) => [row.incident.id, row.levels, row.next])).toEqual([
      ['INC-1', null, undefined],
      ['INC-2', null, undefined],
    ]);
  });
});

describe('the escalation signature', () => {
  it('changes when a level is paged or an escalation stops, not when other things change', () => {
    const before = escalationSignature(rowsOf(escalating('INC-1'), incident({ id: 'INC-2' })));
    const noted = escalationSignature(
      rowsOf({ ...escalating('INC-1'), title: 'renamed' }, incident({ id: 'INC-2', severity: 'sev1' })),
    );
    expect(noted).toBe(before);
    expect(escalationSignature(rowsOf(escalating('INC-1', { level: 2 })))).not.toBe(before);
    expect(escalationSignature(rowsOf(escalating('INC-1', { stopped: 'acknowledged' })))).not.toBe(before);
    expect(escalationSignature(rowsOf(escalating('INC-1'), escalating('INC-2')))).not.toBe(before);
  });
});

describe('on-call handoffs', () => {
  const rotation = (until: string | null) => ({
    rotationId: 'noc',
    timezone: 'UTC',
    userId: 'alice',
    since: null,
    until,
    nextUserId: 'bob',
  });

  it('are noticed once the earliest "until" has passed, so the answer is asked again', () => {
    const answer: EscalationsResponse = {
      escalations: [],
      oncall: [rotation('2026-03-04T20:00:00.000Z'), rotation('2026-03-04T08:00:00.000Z'), rotation(null)],
    };
    expect(handoffPassed(answer, Date.parse('2026-03-04T07:59:59Z'))).toBeNull();
    expect(handoffPassed(answer, Date.parse('2026-03-04T08:00:00Z'))).toBe(
      Date.parse('2026-03-04T08:00:00Z'),
    );
    expect(handoffPassed(null, Date.now())).toBeNull();
  });
});
