import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain';
import type { HubEvent, NewEvent } from '../../../shared/events';
import { actorLabel, describeEvent } from '../../../shared/export/describe-event';
import { foldIncident, handWorkedEvents, numberEvents, replicaAlert, T0 } from './timeline-fixture';

const dana: Actor = { kind: 'user', id: 'dana' };
const one = (event: NewEvent): HubEvent => numberEvents([event])[0] as HubEvent;
const at = { incidentId: 'INC-1', at: T0, actor: dana };

describe('describeEvent', () => {
  it('says what happened in the NOC’s words, one sentence per event type', () => {
    const cases: Array<[NewEvent, string]> = [
      [
        {
          ...at,
          type: 'incident_opened',
          title: 'PostgresReplicationLag on payments-db',
          severity: 'sev1',
          source: 'alertmanager',
          groupKey: 'g',
        },
        'Incident opened: PostgresReplicationLag on payments-db (SEV1)',
      ],
      [
        { ...at, type: 'alert_fired', alert: replicaAlert('pg2', 'pg-2', 312) },
        'Alert firing: Replica pg-2 is 312s behind primary [payments-db]',
      ],
      [
        { ...at, type: 'alert_fired', alert: { ...replicaAlert('x', 'pg-9', 1), service: null } },
        'Alert firing: Replica pg-9 is 1s behind primary',
      ],
      [{ ...at, type: 'alert_resolved', fingerprint: 'unknown', endsAt: T0 }, 'Alert resolved: unknown'],
      [{ ...at, type: 'incident_acknowledged' }, 'Acknowledged'],
      [{ ...at, type: 'incident_resolved', reason: 'alerts_cleared' }, 'Resolved (all alerts cleared)'],
      [{ ...at, type: 'incident_resolved', reason: 'manual' }, 'Resolved'],
      [{ ...at, type: 'commander_assigned', userId: 'dana' }, 'Commander: dana'],
      [{ ...at, type: 'responder_added', userId: 'bob' }, 'Responder added: bob'],
      [{ ...at, type: 'responder_removed', userId: 'bob' }, 'Responder removed: bob'],
      [{ ...at, type: 'severity_changed', severity: 'sev1', previous: 'sev2' }, 'Severity SEV2 → SEV1'],
      [{ ...at, type: 'note_added', text: 'failover started' }, 'Note: failover started'],
      [
        { ...at, type: 'status_changed', status: 'identified', previous: 'investigating' },
        'Status: investigating → identified',
      ],
      [{ ...at, type: 'incident_reopened' }, 'Reopened'],
      [{ ...at, type: 'incident_merged', intoIncidentId: 'INC-7' }, 'Merged into INC-7'],
      [
        {
          ...at,
          type: 'incident_absorbed',
          fromIncidentId: 'INC-9',
          groupKeys: ['g9'],
          alerts: [replicaAlert('a', 'a', 1), replicaAlert('b', 'b', 1), replicaAlert('c', 'c', 1)],
        },
        'Absorbed INC-9 (3 alerts)',
      ],
      [
        {
          ...at,
          type: 'incident_absorbed',
          fromIncidentId: 'INC-8',
          groupKeys: [],
          alerts: [replicaAlert('a', 'a', 1)],
        },
        'Absorbed INC-8 (1 alert)',
      ],
      [{ ...at, type: 'runbook_step_completed', stepId: 'check-lag' }, 'Runbook step done: check-lag'],
    ];
    for (const [event, sentence] of cases) expect(describeEvent(one(event))).toBe(sentence);
  });

  it('names a resolved alert by its title when the incident’s alerts are given', () => {
    const events = handWorkedEvents();
    const incident = foldIncident(events);
    const resolved = events.find((event) => event.type === 'alert_resolved');
    expect(resolved && describeEvent(resolved, { alerts: incident.alerts })).toBe(
      'Alert resolved: Replica pg-2 is 312s behind primary [payments-db]',
    );
  });

  it('uses display names for people when it has them, and ids otherwise', () => {
    const names = { dana: 'Dana Reyes' };
    expect(describeEvent(one({ ...at, type: 'commander_assigned', userId: 'dana' }), { names })).toBe(
      'Commander: Dana Reyes',
    );
    expect(describeEvent(one({ ...at, type: 'responder_added', userId: 'bob' }), { names })).toBe(
      'Responder added: bob',
    );
    // A user id that is also an Object.prototype key must not print a function.
    expect(describeEvent(one({ ...at, type: 'responder_added', userId: 'constructor' }), { names })).toBe(
      'Responder added: constructor',
    );
  });
});

describe('actorLabel', () => {
  it('shows people by name or id, integrations by id and the hub as Sitroom', () => {
    expect(actorLabel(dana)).toBe('dana');
    expect(actorLabel(dana, { dana: 'Dana Reyes' })).toBe('Dana Reyes');
    expect(actorLabel({ kind: 'integration', id: 'prom-dc1' })).toBe('integration:prom-dc1');
    expect(actorLabel({ kind: 'system' })).toBe('Sitroom');
    // The hub passes its directory's lookup instead of a map.
    expect(actorLabel(dana, (id) => (id === 'dana' ? 'Dana Reyes' : ''))).toBe('Dana Reyes');
    expect(actorLabel({ kind: 'user', id: 'bob' }, () => '')).toBe('bob');
  });
});
