import { describe, expect, it } from 'vitest';
import {
  describeNextTargets,
  formatCountdown,
  formatShiftTime,
  levelLabel,
  namesOf,
  pagedPeople,
} from '../../../../renderer/escalations/escalation-text';

const names = { alice: 'Alice Moreau', bob: 'Bob Okafor', dana: 'Dana Reyes' };

describe('the countdown to the next level', () => {
  it.each([
    [299_000, '4:59'],
    [300_000, '5:00'],
    [61_000, '1:01'],
    [9_000, '0:09'],
    // Rounded up: the last second shows "0:01", never "0:00" before the page is due.
    [400, '0:01'],
    [3_600_000, '1:00:00'],
    [3_723_000, '1:02:03'],
    [26 * 3_600_000, '26:00:00'],
  ])('reads %i ms as %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  it('says "now" once due, or past due (clock skew, a page on its way)', () => {
    expect(formatCountdown(0)).toBe('now');
    expect(formatCountdown(-5_000)).toBe('now');
  });

  it('counts down by one each second', () => {
    const due = 12_000;
    const shown = [0, 1000, 2000, 3000].map((elapsed) => formatCountdown(due - elapsed));
    expect(shown).toEqual(['0:12', '0:11', '0:10', '0:09']);
  });
});

describe('who is paged and who is next', () => {
  it('names people by display name, falling back to the id', () => {
    expect(namesOf(['dana', 'eve'], names)).toBe('Dana Reyes, eve');
    expect(namesOf([], names)).toBe('nobody');
  });

  it('names the next level’s people and teams together', () => {
    expect(
      describeNextTargets({ userIds: ['bob'], teams: ['data-platform'], unreachableUserIds: [] }, names),
    ).toBe('Bob Okafor + team data-platform');
    expect(describeNextTargets({ userIds: [], teams: ['sre'], unreachableUserIds: [] }, names)).toBe(
      'team sre',
    );
    expect(
      describeNextTargets({ userIds: ['alice', 'dana'], teams: [], unreachableUserIds: [] }, names),
    ).toBe('Alice Moreau + Dana Reyes');
    expect(describeNextTargets({ userIds: [], teams: [], unreachableUserIds: [] }, names)).toBe('nobody');
  });

  it('sets apart the people paged now whom no page reaches, saying why', () => {
    expect(pagedPeople(['dana', 'alice', 'bob'], ['alice'], names)).toEqual({
      reached: 'Dana Reyes, Bob Okafor',
      unreachable: ['Alice Moreau — not reachable: no contact configured'],
    });
    expect(pagedPeople(['alice'], ['alice'], names)).toEqual({
      reached: '',
      unreachable: ['Alice Moreau — not reachable: no contact configured'],
    });
    expect(pagedPeople([], [], names)).toEqual({ reached: 'nobody', unreachable: [] });
  });

  it('marks who the next level cannot reach', () => {
    expect(
      describeNextTargets(
        { userIds: ['alice', 'dana'], teams: ['sre'], unreachableUserIds: ['dana'] },
        names,
      ),
    ).toBe('Alice Moreau + Dana Reyes (not reachable) + team sre');
  });

  it('does not mistake an Object.prototype key for a name', () => {
    expect(namesOf(['constructor'], names)).toBe('constructor');
  });

  it('labels a level with the ladder’s length when known, and the repeat it is on', () => {
    expect(levelLabel(1, 3, 0)).toBe('Level 1 of 3');
    expect(levelLabel(2, null, 0)).toBe('Level 2');
    expect(levelLabel(1, 2, 1)).toBe('Level 1 of 2 (repeat 1)');
    // A reload shortened the ladder under a running escalation: no "level 3 of 2".
    expect(levelLabel(3, 2, 0)).toBe('Level 3');
  });
});

describe('shift edges on the on-call list', () => {
  const now = new Date(2026, 2, 4, 10, 15).getTime(); // a Wednesday, console time

  it('shows only the time today', () => {
    expect(formatShiftTime(new Date(2026, 2, 4, 20, 0).getTime(), now)).toBe('20:00');
    expect(formatShiftTime(new Date(2026, 2, 4, 8, 0).getTime(), now)).toBe('08:00');
  });

  it('adds the weekday within the week either side', () => {
    expect(formatShiftTime(new Date(2026, 2, 5, 8, 0).getTime(), now)).toBe('Thu 08:00');
    expect(formatShiftTime(new Date(2026, 2, 2, 9, 30).getTime(), now)).toBe('Mon 09:30');
  });

  it('adds the date further away', () => {
    expect(formatShiftTime(new Date(2026, 2, 16, 9, 30).getTime(), now)).toBe('16 Mar 09:30');
  });
});
