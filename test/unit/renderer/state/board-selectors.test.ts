import { describe, expect, it } from 'vitest';
import {
  activeIncidents,
  countBySeverity,
  memoizeLast,
  RECENTLY_RESOLVED_MS,
  recentlyResolved,
  selectActiveIncidents,
} from '../../../../renderer/state/board-selectors';
import { boardOf, incident, T0 } from '../incident-fixtures';

const MINUTE = 60_000;

describe('activeIncidents', () => {
  it('lists open incidents most urgent first, then oldest first, leaving resolved ones out', () => {
    const board = boardOf(
      incident({ id: 'sev3-old', severity: 'sev3', openedAt: T0 }),
      incident({ id: 'sev1-new', severity: 'sev1', openedAt: T0 + 5 * MINUTE }),
      incident({ id: 'sev1-old', severity: 'sev1', openedAt: T0 }),
      incident({ id: 'done', severity: 'sev1', resolvedAt: T0 + MINUTE }),
    );
    expect(activeIncidents(board).map((i) => i.id)).toEqual(['sev1-old', 'sev1-new', 'sev3-old']);
  });

  it('keeps the same array while the incident map is the same object', () => {
    const board = boardOf(incident({ id: 'a' }));
    expect(selectActiveIncidents(board)).toBe(selectActiveIncidents(board));
    expect(selectActiveIncidents({ ...board })).not.toBe(selectActiveIncidents(board));
  });
});

describe('recentlyResolved', () => {
  it('lists incidents resolved within the last hour, newest resolution first', () => {
    const now = T0 + 2 * 60 * MINUTE;
    const board = boardOf(
      incident({ id: 'an-hour-and-more', resolvedAt: now - RECENTLY_RESOLVED_MS - 1 }),
      incident({ id: 'ten-minutes', resolvedAt: now - 10 * MINUTE }),
      incident({ id: 'just-now', resolvedAt: now - 1000 }),
      incident({ id: 'open' }),
    );
    expect(recentlyResolved(board, now).map((i) => i.id)).toEqual(['just-now', 'ten-minutes']);
  });
});

describe('countBySeverity', () => {
  it('counts every severity, including those with none', () => {
    const counts = countBySeverity([
      incident({ id: 'a', severity: 'sev1' }),
      incident({ id: 'b', severity: 'sev1' }),
      incident({ id: 'c', severity: 'sev4' }),
    ]);
    expect(counts).toEqual({ sev1: 2, sev2: 0, sev3: 0, sev4: 1 });
  });
});

describe('memoizeLast', () => {
  it('computes again only when the argument changes identity', () => {
    let calls = 0;
    const double = memoizeLast((values: number[]) => {
      calls += 1;
      return values.map((v) => v * 2);
    });
    const input = [1, 2];
    expect(double(input)).toBe(double(input));
    double([1, 2]);
    expect(calls).toBe(2);
  });
});
