import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../shared/events';
import { describeEvent } from '../../../shared/export/describe-event';
import { nameSome } from '../../../shared/text/name-some';

describe('nameSome', () => {
  it('lists a short list whole and counts the rest of a long one', () => {
    expect(nameSome([])).toBe('');
    expect(nameSome(['a', 'b'])).toBe('a, b');
    expect(nameSome(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c, d, e');
    expect(nameSome(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 more');
    expect(nameSome(['a', 'b', 'c'], 1)).toBe('a and 2 more');
  });

  it('cuts a long name', () => {
    expect(nameSome(['x'.repeat(1000)])).toBe(`${'x'.repeat(63)}…`);
  });
});

/** A notify that told `told` teams (t0, t1, …) and found `unreachable` without a channel (u0, …). */
function teamsNotified(told: number, unreachable: number): HubEvent {
  return {
    seq: 1,
    at: 0,
    actor: { kind: 'user', id: 'dana' },
    incidentId: 'INC-1',
    type: 'teams_notified',
    teams: Array.from({ length: told }, (_, i) => ({ teamId: `t${i}`, channels: [] })),
    unreachable: Array.from({ length: unreachable }, (_, i) => `u${i}`),
  } as unknown as HubEvent;
}

describe('the timeline line of teams_notified', () => {
  it('names at most ten teams told and five without a channel', () => {
    expect(describeEvent(teamsNotified(400, 300))).toBe(
      'Teams notified: t0, t1, t2, t3, t4, t5, t6, t7, t8, t9 and 390 more; no channel for u0, u1, u2, u3, u4 and 295 more',
    );
  });

  it('names every team in an export, the record a review reads', () => {
    const teams = Array.from({ length: 40 }, (_, i) => `t${i}`).join(', ');
    const unreachable = Array.from({ length: 12 }, (_, i) => `u${i}`).join(', ');
    const line = describeEvent(teamsNotified(40, 12), { everyName: true });
    expect(line).toBe(`Teams notified: ${teams}; no channel for ${unreachable}`);
    expect(line).not.toContain('more');
  });
});
