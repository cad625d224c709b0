import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatZonedClockTime, localZoneName } from '../../../renderer/time-zone';

// Node follows a change of TZ at once, Intl included: the console's zone, set per test.
let savedZone: string | undefined;
beforeEach(() => {
  savedZone = process.env.TZ;
});
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe('formatZonedClockTime', () => {
  it('ends a local clock time with the zone people say it in', () => {
    process.env.TZ = 'America/New_York';
    // "EST" in English; a console in another language may say "GMT-5", which names it as well.
    expect(formatZonedClockTime(Date.UTC(2026, 11, 7, 20, 1, 30))).toMatch(/^15:01:30 (EST|GMT-5)$/);
    expect(formatZonedClockTime(Date.UTC(2026, 6, 7, 19, 1, 30))).toMatch(/^15:01:30 (EDT|GMT-4)$/);
  });

  it('names UTC on a console whose zone is UTC', () => {
    process.env.TZ = 'UTC';
    expect(formatZonedClockTime(Date.UTC(2026, 11, 7, 20, 1, 30))).toBe(
      `20:01:30 ${localZoneName(Date.UTC(2026, 11, 7, 20, 1, 30))}`,
    );
    expect(localZoneName(Date.UTC(2026, 11, 7, 20, 1, 30))).toMatch(/^(UTC|GMT)$/);
  });
});
