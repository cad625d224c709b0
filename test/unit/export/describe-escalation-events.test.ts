import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain';
import type { HubEvent, NewEvent } from '../../../shared/events';
import { describeEvent } from '../../../shared/export/describe-event';
import { numberEvents, T0 } from './timeline-fixture';

// How escalations and their pages read on the timeline (the incident view and every export).

const system: Actor = { kind: 'system' };
const one = (event: NewEvent): HubEvent => numberEvents([event])[0] as HubEvent;
const at = { incidentId: 'INC-1', at: T0, actor: system };
const names = { dana: 'Dana Reyes', eve: 'Eve Lindqvist' };

describe('escalation events on the timeline', () => {
  it('say which policy started, which level paged whom, and why it stopped', () => {
    const cases: Array<[NewEvent, string]> = [
      [
        { ...at, type: 'escalation_started', policyId: 'data-critical' },
        'Escalation started: policy data-critical',
      ],
      [
        {
          ...at,
          type: 'escalation_level_paged',
          level: 1,
          cycle: 0,
          targets: ['dana'],
          teams: [],
          dueNext: T0,
        },
        'Escalation level 1 paged: Dana Reyes',
      ],
      [
        {
          ...at,
          type: 'escalation_level_paged',
          level: 2,
          cycle: 1,
          targets: ['dana', 'eve'],
          teams: ['data-platform'],
          dueNext: null,
        },
        'Escalation level 2 (repeat 1) paged: Dana Reyes, Eve Lindqvist; teams data-platform',
      ],
      [
        {
          ...at,
          type: 'escalation_level_paged',
          level: 3,
          cycle: 0,
          targets: [],
          teams: ['sre'],
          dueNext: null,
        },
        'Escalation level 3 paged: nobody; teams sre',
      ],
      [{ ...at, type: 'escalation_stopped', reason: 'acknowledged' }, 'Escalation stopped: acknowledged'],
      [
        { ...at, type: 'escalation_stopped', reason: 'policy_removed' },
        'Escalation stopped: its policy is no longer configured',
      ],
    ];
    for (const [event, sentence] of cases) expect(describeEvent(one(event), { names })).toBe(sentence);
  });

  it('name the person a page reached, and its level', () => {
    const delivered: NewEvent = {
      ...at,
      type: 'notification_delivered',
      channel: 'webhook',
      target: 'dana',
      host: 'paging.example.org',
      attempt: 1,
      level: 1,
    };
    expect(describeEvent(one(delivered), { names })).toBe(
      'Level 1 page delivered to Dana Reyes (webhook paging.example.org, 1 attempt)',
    );
    const failed: NewEvent = {
      ...at,
      type: 'notification_failed',
      channel: 'webhook',
      target: 'eve',
      host: 'paging.example.org',
      attempt: 3,
      error: 'HTTP 503',
      level: 2,
      retrying: true,
    };
    expect(describeEvent(one(failed), { names })).toBe(
      'Level 2 page to Eve Lindqvist failed (webhook paging.example.org, 3 attempts): HTTP 503; retrying',
    );
  });

  it('keep a team notice (notify impacted) as a notification to the team', () => {
    const told: NewEvent = {
      ...at,
      type: 'notification_delivered',
      channel: 'slack',
      target: 'payments',
      host: 'hooks.slack.com',
      attempt: 2,
    };
    expect(describeEvent(one(told), { names })).toBe(
      'Notification delivered to payments (slack hooks.slack.com, 2 attempts)',
    );
  });
});
