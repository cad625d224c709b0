import { describe, expect, it } from 'vitest';
import type { SitroomConfig } from '../../../../shared/config/types';
import { escalationsView } from '../../../../shared/escalation/escalations-view';
import {
  reachable,
  unreachableOf,
  unreachablePeopleWarnings,
} from '../../../../shared/escalation/reachability';
import { escalationConfig } from '../../../support/escalation-harness';
import { incident } from '../../renderer/incident-fixtures';

// A page reaches a person by their own webhook (users.yaml) or by the channel of a team paged with
// them (services.yaml), as the pager delivers; anyone else is paged in name only, and the console
// and the hub's warnings must say so.

const withContacts = (webhooks: Readonly<Record<string, string>>, sreNotify: boolean): SitroomConfig => {
  const base = escalationConfig();
  return {
    ...base,
    users: base.users.map((user) => ({ ...user, webhook: webhooks[user.id] ?? null })),
    teams: base.teams.map((team) => ({
      ...team,
      notify: sreNotify ? [{ kind: 'slack' as const, url: 'https://hooks.slack.com/services/T/B/sre' }] : [],
    })),
  };
};

describe('whether a page reaches someone', () => {
  const config = withContacts({ dana: 'https://paging.example.org/dana' }, true);

  it('is yes by their own webhook, whatever else is paged', () => {
    expect(reachable(config, 'dana', [])).toBe(true);
  });

  it('is yes by the channel of a team paged with them, and no when that team is not paged', () => {
    expect(reachable(config, 'alice', ['sre'])).toBe(true);
    expect(reachable(config, 'alice', [])).toBe(false);
    expect(unreachableOf(config, ['dana', 'alice', 'eve'], [])).toEqual(['alice', 'eve']);
  });

  it('is no through a team with no channel', () => {
    expect(reachable(withContacts({}, false), 'alice', ['sre'])).toBe(false);
  });
});

describe('the hub’s warning', () => {
  it('names, once, each person a policy can page in name only and how they come to be paged', () => {
    const config = {
      ...withContacts({ dana: 'https://paging.example.org/dana' }, true),
      rotations: [
        {
          id: 'primary',
          timezone: 'UTC',
          handoff: '08:00',
          shiftHours: 12,
          participants: ['alice', 'bob'],
          start: null,
          overrides: [{ user: 'eve', from: 0, to: 1 }],
        },
      ],
      policies: [
        {
          id: 'p',
          levels: [
            { notify: [{ kind: 'rotation' as const, id: 'primary' }], escalateAfterMinutes: 5 },
            // Alice and Bob are reached here, through sre's channel; Eve is paged by name.
            {
              notify: [
                { kind: 'team' as const, id: 'sre' },
                { kind: 'user' as const, id: 'eve' },
              ],
              escalateAfterMinutes: 5,
            },
          ],
          repeat: 0,
        },
      ],
    };
    expect(unreachablePeopleWarnings(config)).toEqual([
      'escalation.yaml: 3 people can be paged but no page reaches them, with no webhook in users.yaml and no notify channel in services.yaml of a team paged with them; the console shows them as not reachable: "alice" (Alice, rotation primary); "bob" (Bob, rotation primary); "eve" (Eve, rotation primary, user:eve)',
    ]);
  });

  it('says nothing when every page reaches everyone it names', () => {
    const config = {
      ...withContacts(
        { dana: 'https://paging.example.org/dana', eve: 'https://paging.example.org/eve' },
        true,
      ),
      policies: [
        {
          id: 'p',
          levels: [
            {
              notify: [
                { kind: 'user' as const, id: 'dana' },
                { kind: 'team' as const, id: 'sre' },
              ],
              escalateAfterMinutes: 5,
            },
            { notify: [{ kind: 'user' as const, id: 'eve' }], escalateAfterMinutes: 5 },
          ],
          repeat: 0,
        },
      ],
    };
    expect(unreachablePeopleWarnings(config)).toEqual([]);
  });
});

describe('the escalations answer', () => {
  it('marks who is paged now, and who is next, that no page reaches', () => {
    const T0 = Date.parse('2026-01-05T10:00:00Z');
    const config = {
      ...withContacts({ dana: 'https://paging.example.org/dana' }, true),
      policies: [
        {
          id: 'p',
          levels: [
            {
              notify: [
                { kind: 'user' as const, id: 'dana' },
                { kind: 'user' as const, id: 'eve' },
                { kind: 'team' as const, id: 'sre' },
              ],
              escalateAfterMinutes: 5,
            },
            { notify: [{ kind: 'user' as const, id: 'alice' }], escalateAfterMinutes: 5 },
          ],
          repeat: 0,
        },
      ],
    };
    const paged = {
      ...incident({ id: 'INC-12', severity: 'sev1', openedAt: T0 }),
      escalation: {
        policyId: 'p',
        level: 1,
        cycle: 0,
        pagedUserIds: ['dana', 'eve', 'alice', 'bob'],
        pagedAt: T0,
        nextLevelAt: T0 + 300_000,
        stopped: null,
      },
    };
    const [row] = escalationsView([paged], config, T0).escalations;
    expect(row?.unreachableUserIds).toEqual(['eve']);
    expect(row?.next?.unreachableUserIds).toEqual(['alice']);
  });
});
