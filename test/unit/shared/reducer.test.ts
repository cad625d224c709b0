import { describe, expect, it } from 'vitest';
import { compareForBoard, type IncidentMap } from '../../../shared/domain';
import { applyEvents } from '../../../shared/reducer';
import { alert, numbered, opened } from '../../support/fixtures';

const integration = { kind: 'integration', id: 'test' } as const;

describe('applyEvents', () => {
  it('opens an incident and counts its firing alerts', () => {
    const events = numbered(
      [
        opened('INC-1', 'sev3'),
        { type: 'alert_fired', incidentId: 'INC-1', at: 1_000, actor: integration, alert: alert('a') },
        {
          type: 'alert_fired',
          incidentId: 'INC-1',
          at: 1_000,
          actor: integration,
          alert: alert('b', { service: 'payments-api' }),
        },
      ],
      1,
    );
    const state = applyEvents({}, events);
    expect(state['INC-1']).toMatchObject({
      status: 'investigating',
      alertCount: 2,
      firingCount: 2,
      services: ['payments-db', 'payments-api'],
      updatedSeq: 3,
    });
  });

  it('raises severity to the worst alert and never lowers it when that alert resolves', () => {
    const state = applyEvents(
      {},
      numbered(
        [
          opened('INC-1', 'sev3'),
          {
            type: 'alert_fired',
            incidentId: 'INC-1',
            at: 1,
            actor: integration,
            alert: alert('a', { severity: 'sev1' }),
          },
          {
            type: 'alert_resolved',
            incidentId: 'INC-1',
            at: 2,
            actor: integration,
            fingerprint: 'a',
            endsAt: 2,
          },
        ],
        1,
      ),
    );
    expect(state['INC-1']).toMatchObject({ severity: 'sev1', firingCount: 0, alertCount: 1 });
    expect(state['INC-1']?.alerts.a).toMatchObject({ status: 'resolved', endsAt: 2 });
  });

  it('leaves the input untouched and keeps unchanged incidents by reference', () => {
    const before = applyEvents({}, numbered([opened('INC-1'), opened('INC-2')], 1));
    const frozen: IncidentMap = Object.freeze({ ...before });
    const after = applyEvents(
      frozen,
      numbered(
        [{ type: 'incident_acknowledged', incidentId: 'INC-1', at: 9, actor: { kind: 'user', id: 'dana' } }],
        3,
      ),
    );
    expect(frozen['INC-1']?.acknowledgedAt).toBeNull();
    expect(after['INC-1']).toMatchObject({ acknowledgedAt: 9, humanInvolved: true });
    expect(after['INC-2']).toBe(before['INC-2']);
  });

  it('keeps the first acknowledgement', () => {
    const state = applyEvents(
      {},
      numbered(
        [
          opened('INC-1'),
          { type: 'incident_acknowledged', incidentId: 'INC-1', at: 5, actor: { kind: 'user', id: 'dana' } },
          { type: 'incident_acknowledged', incidentId: 'INC-1', at: 7, actor: { kind: 'user', id: 'alex' } },
        ],
        1,
      ),
    );
    expect(state['INC-1']).toMatchObject({ acknowledgedAt: 5, acknowledgedBy: { kind: 'user', id: 'dana' } });
  });

  it('ignores events for incidents it does not hold', () => {
    const state = applyEvents(
      {},
      numbered(
        [
          {
            type: 'alert_resolved',
            incidentId: 'INC-9',
            at: 1,
            actor: integration,
            fingerprint: 'x',
            endsAt: 1,
          },
        ],
        1,
      ),
    );
    expect(state).toEqual({});
  });

  it('resolves with the actor and reason', () => {
    const state = applyEvents(
      {},
      numbered(
        [
          opened('INC-1'),
          {
            type: 'incident_resolved',
            incidentId: 'INC-1',
            at: 8,
            actor: integration,
            reason: 'alerts_cleared',
          },
        ],
        1,
      ),
    );
    expect(state['INC-1']).toMatchObject({
      status: 'resolved',
      resolvedAt: 8,
      resolvedBy: integration,
      humanInvolved: false,
    });
  });
});

describe('compareForBoard', () => {
  it('orders by severity, then oldest first', () => {
    const state = applyEvents(
      {},
      numbered(
        [opened('A', 'sev3', 1), opened('B', 'sev1', 5), opened('C', 'sev1', 2), opened('D', 'sev2', 0)],
        1,
      ),
    );
    const order = Object.values(state)
      .sort(compareForBoard)
      .map((incident) => incident.id);
    expect(order).toEqual(['C', 'B', 'D', 'A']);
  });
});
