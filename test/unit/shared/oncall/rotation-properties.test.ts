import { describe, expect, it } from 'vitest';
import type { Rotation, RotationOverride } from '../../../../shared/config/types';
import { onCallAt, onCallSegments } from '../../../../shared/oncall/on-call';
import { forEachSeed, type Random } from '../../../support/seeded-random';

// Properties of on-call coverage over random rotations and random windows: every instant has
// exactly one person, the person changes only where the local clock passes a hand-off time or at
// an override's edge, and overrides rule exactly [from, to). The oracle for "the local clock" is
// Intl read here directly, not the code under test.

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe', // 30-minute DST
  'America/Santiago', // changes at midnight
  'Pacific/Chatham', // +12:45
  'America/St_Johns',
  'Asia/Kolkata',
  'Africa/Casablanca',
] as const;
const SHIFT_HOURS = [0.5, 1, 2, 2.5, 4, 6, 8, 12, 24, 36, 48, 168] as const;
const PEOPLE = ['ana', 'ben', 'cho', 'dev'] as const;
const DAY = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

function randomRotation(random: Random, windowFrom: number, windowTo: number): Rotation {
  const overrides: RotationOverride[] = Array.from({ length: random.int(0, 3) }, () => {
    const from = windowFrom + Math.floor(random.next() * (windowTo - windowFrom));
    return { user: random.pick(PEOPLE), from, to: from + random.int(60_000, 3 * DAY) };
  });
  const start = random.next() < 0.7 ? new Date(windowFrom - random.int(0, 400) * DAY) : null;
  return {
    id: 'r',
    timezone: random.pick(ZONES),
    handoff: `${pad(random.int(0, 23))}:${pad(random.pick([0, 0, 15, 30, random.int(0, 59)]))}`,
    shiftHours: random.pick(SHIFT_HOURS),
    participants: Array.from({ length: random.int(1, 4) }, () => random.pick(PEOPLE)),
    start: start ? start.toISOString().slice(0, 10) : null,
    overrides,
  };
}

function randomWindow(random: Random): [number, number] {
  const from = Date.UTC(random.int(1995, 2035), random.int(0, 11), random.int(1, 28)) + random.int(0, DAY);
  return [from, from + random.int(1, 10 * DAY)];
}

/** The zone's wall clock at `t` as Date.UTC of its fields, read straight from Intl. */
function wallClock(timeZone: string, t: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(t);
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
}

/** True when the local clock passes a hand-off time in (t - 1 s, t]: a real hand-off instant. */
function isHandoff(rotation: Rotation, t: number): boolean {
  const [hour, minute] = rotation.handoff.split(':').map(Number);
  const [y, m, d] = (rotation.start ?? '1970-01-01').split('-').map(Number);
  const anchor = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute);
  const shift = Math.round(rotation.shiftHours * 3_600_000);
  const before = wallClock(rotation.timezone, t - 1000);
  const at = wallClock(rotation.timezone, t);
  return Math.floor((at - anchor) / shift) > Math.floor((before - anchor) / shift);
}

describe('on-call coverage over random rotations and windows', () => {
  it('is gap-free and non-overlapping, and agrees with onCallAt everywhere', () => {
    forEachSeed(150, (random) => {
      const [from, to] = randomWindow(random);
      const rotation = randomRotation(random, from, to);
      const segments = onCallSegments(rotation, from, to);
      expect(segments[0]?.from).toBe(from);
      expect(segments[segments.length - 1]?.to).toBe(to);
      segments.forEach((segment, i) => {
        expect(segment.to).toBeGreaterThan(segment.from);
        const next = segments[i + 1];
        if (next) {
          expect(next.from).toBe(segment.to);
          expect(next.userId).not.toBe(segment.userId);
        }
      });
      for (let i = 0; i < 20; i++) {
        const t = from + Math.floor(random.next() * (to - from));
        const segment = segments.find((s) => s.from <= t && t < s.to);
        const now = onCallAt(rotation, t);
        expect(now.userId).toBe(segment?.userId);
        if (segment && segment.to < to) expect(now.until).toBe(segment.to);
        if (segment && segment.from > from) expect(now.since).toBe(segment.from);
        if (now.until !== null) expect(now.nextUserId).toBe(onCallAt(rotation, now.until).userId);
      }
    });
  });

  it('changes person only where the local clock passes a hand-off time, or at an override edge', () => {
    forEachSeed(150, (random, seed) => {
      const [from, to] = randomWindow(random);
      const rotation = randomRotation(random, from, to);
      const edges = new Set(rotation.overrides.flatMap((o) => [o.from, o.to]));
      for (const segment of onCallSegments(rotation, from, to).slice(1)) {
        const explained = edges.has(segment.from) || isHandoff(rotation, segment.from);
        expect({ seed, at: new Date(segment.from).toISOString(), explained }).toMatchObject({
          explained: true,
        });
      }
    });
  });

  it('lets overrides rule exactly [from, to), the last listed winning, and the turn order elsewhere', () => {
    forEachSeed(150, (random) => {
      const [from, to] = randomWindow(random);
      const rotation = randomRotation(random, from, to);
      const plain: Rotation = { ...rotation, overrides: [] };
      const probes = rotation.overrides.flatMap((o) => [o.from, o.to - 1, o.to, o.from - 1]);
      for (let i = 0; i < 20; i++) probes.push(from + Math.floor(random.next() * (to - from)));
      for (const t of probes) {
        const winner = rotation.overrides.filter((o) => o.from <= t && t < o.to).pop();
        expect(onCallAt(rotation, t).userId).toBe(winner ? winner.user : onCallAt(plain, t).userId);
      }
    });
  });
});
