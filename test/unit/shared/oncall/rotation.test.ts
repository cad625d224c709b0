import { describe, expect, it } from 'vitest';
import type { Rotation } from '../../../../shared/config/types';
import { onCallAt, onCallSegments } from '../../../../shared/oncall/on-call';

// The rotation cases people trip over: DST in both directions on both sides of the Atlantic,
// hand-off at midnight (also where midnight does not exist), start dates and overrides.

const rotation = (fields: Partial<Rotation>): Rotation => ({
  id: 'r',
  timezone: 'UTC',
  handoff: '08:00',
  shiftHours: 12,
  participants: ['ana', 'ben'],
  start: '2026-01-05',
  overrides: [],
  ...fields,
});

/** "2026-03-29 08:00" in the zone. */
function local(timeZone: string, t: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(t);
}

function handoffs(r: Rotation, from: string, to: string): string[] {
  return onCallSegments(r, Date.parse(from), Date.parse(to))
    .slice(1)
    .map((segment) => `${local(r.timezone, segment.from)} ${segment.userId}`);
}

const HOUR = 3_600_000;

describe('DST', () => {
  const berlin = rotation({ timezone: 'Europe/Berlin' });

  it('keeps a 12 h Berlin rotation at 08:00/20:00 local across the March change (an 11 h night)', () => {
    expect(handoffs(berlin, '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z')).toEqual([
      '2026-03-28 20:00 ben',
      '2026-03-29 08:00 ana',
      '2026-03-29 20:00 ben',
      '2026-03-30 08:00 ana',
    ]);
    const night = onCallAt(berlin, Date.parse('2026-03-29T02:00:00Z'));
    expect(night.until).toBe(Date.parse('2026-03-29T06:00:00Z'));
    expect(((night.until ?? 0) - (night.since ?? 0)) / HOUR).toBe(11);
  });

  it('keeps it at 08:00/20:00 across the October change (a 13 h night)', () => {
    expect(handoffs(berlin, '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z')).toEqual([
      '2026-10-24 20:00 ben',
      '2026-10-25 08:00 ana',
      '2026-10-25 20:00 ben',
      '2026-10-26 08:00 ana',
    ]);
    const night = onCallAt(berlin, Date.parse('2026-10-25T01:30:00Z'));
    expect(((night.until ?? 0) - (night.since ?? 0)) / HOUR).toBe(13);
  });

  it('hands a daily New York rotation over at 09:00 local through both changes', () => {
    const ny = rotation({ timezone: 'America/New_York', handoff: '09:00', shiftHours: 24, start: null });
    for (const [from, to] of [
      ['2026-03-06T00:00:00Z', '2026-03-11T00:00:00Z'],
      ['2026-10-30T00:00:00Z', '2026-11-04T00:00:00Z'],
    ] as const) {
      const times = handoffs(ny, from, to).map((line) => line.slice(11, 16));
      expect(times).toEqual(['09:00', '09:00', '09:00', '09:00', '09:00']);
    }
    const short = onCallAt(ny, Date.parse('2026-03-08T12:00:00Z'));
    expect(((short.until ?? 0) - (short.since ?? 0)) / HOUR).toBe(23);
    const long = onCallAt(ny, Date.parse('2026-11-01T12:00:00Z'));
    expect(((long.until ?? 0) - (long.since ?? 0)) / HOUR).toBe(25);
  });

  it('hands over when the clock jumps past a hand-off time that does not exist, and at the first of a repeated one', () => {
    const night = rotation({ timezone: 'Europe/Berlin', handoff: '02:30', shiftHours: 24 });
    const spring = handoffs(night, '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z');
    expect(spring.map((line) => line.slice(11, 16))).toEqual(['03:00', '02:30']);
    const autumn = onCallSegments(
      night,
      Date.parse('2026-10-24T12:00:00Z'),
      Date.parse('2026-10-25T12:00:00Z'),
    );
    expect(autumn[1]?.from).toBe(Date.parse('2026-10-25T00:30:00Z')); // 02:30 CEST, not CET
  });
});

describe('midnight', () => {
  it('hands over at 00:00', () => {
    const daily = rotation({ handoff: '00:00', shiftHours: 24, participants: ['ana', 'ben', 'cho'] });
    expect(handoffs(daily, '2026-01-05T12:00:00Z', '2026-01-08T12:00:00Z')).toEqual([
      '2026-01-06 00:00 ben',
      '2026-01-07 00:00 cho',
      '2026-01-08 00:00 ana',
    ]);
    expect(onCallAt(daily, Date.parse('2026-01-05T00:00:00Z')).userId).toBe('ana');
    expect(onCallAt(daily, Date.parse('2026-01-04T23:59:59.999Z')).userId).toBe('cho');
  });

  it('hands over at 01:00 where DST skips midnight (Santiago, September)', () => {
    const chile = rotation({ timezone: 'America/Santiago', handoff: '00:00', shiftHours: 24, start: null });
    const lines = handoffs(chile, '2026-09-04T12:00:00Z', '2026-09-07T12:00:00Z');
    expect(lines.map((line) => line.slice(0, 16))).toEqual([
      '2026-09-05 00:00',
      '2026-09-06 01:00',
      '2026-09-07 00:00',
    ]);
  });
});

describe('turn order', () => {
  it('starts with the first participant at the hand-off on the start date and counts back before it', () => {
    const weekly = rotation({
      timezone: 'Europe/Berlin',
      handoff: '09:30',
      shiftHours: 168,
      start: '2026-03-02',
    });
    expect(onCallAt(weekly, Date.parse('2026-03-02T08:30:00Z')).userId).toBe('ana');
    expect(onCallAt(weekly, Date.parse('2026-03-02T08:29:59Z')).userId).toBe('ben');
    expect(onCallAt(weekly, Date.parse('2026-03-09T08:30:00Z')).userId).toBe('ben');
  });

  it('says until when and who is next; one person alone is on call with no end in sight', () => {
    const now = onCallAt(rotation({}), Date.parse('2026-01-05T10:00:00Z'));
    expect(now).toEqual({
      userId: 'ana',
      since: Date.parse('2026-01-05T08:00:00Z'),
      until: Date.parse('2026-01-05T20:00:00Z'),
      nextUserId: 'ben',
    });
    const alone = onCallAt(rotation({ participants: ['ana'] }), Date.parse('2026-01-05T10:00:00Z'));
    expect(alone).toMatchObject({ userId: 'ana', until: null, nextUserId: null });
  });
});

describe('overrides', () => {
  const from = Date.parse('2026-01-05T10:00:00Z');
  const to = Date.parse('2026-01-05T22:00:00Z');
  const covered = rotation({ participants: ['ana', 'ben'], overrides: [{ user: 'cho', from, to }] });

  it('rule exactly [from, to), across a hand-off', () => {
    expect(onCallAt(covered, from - 1).userId).toBe('ana');
    expect(onCallAt(covered, from).userId).toBe('cho');
    expect(onCallAt(covered, Date.parse('2026-01-05T20:00:00Z')).userId).toBe('cho');
    expect(onCallAt(covered, to - 1).userId).toBe('cho');
    expect(onCallAt(covered, to).userId).toBe('ben');
  });

  it('end a shift early and hand it back', () => {
    expect(onCallAt(covered, from - 1)).toMatchObject({ userId: 'ana', until: from, nextUserId: 'cho' });
    expect(onCallAt(covered, from)).toMatchObject({ since: from, until: to, nextUserId: 'ben' });
  });

  it('where they overlap, the one listed last wins', () => {
    const mid = from + HOUR;
    const both = rotation({
      overrides: [
        { user: 'cho', from, to },
        { user: 'dev', from: mid, to: mid + HOUR },
      ],
    });
    expect(onCallAt(both, mid - 1).userId).toBe('cho');
    expect(onCallAt(both, mid).userId).toBe('dev');
    expect(onCallAt(both, mid + HOUR).userId).toBe('cho');
  });

  it('give someone their own shift without a false hand-off', () => {
    const same = rotation({ overrides: [{ user: 'ana', from, to: from + HOUR }] });
    expect(onCallAt(same, from).until).toBe(Date.parse('2026-01-05T20:00:00Z'));
  });
});
