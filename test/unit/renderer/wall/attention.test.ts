import { describe, expect, it } from 'vitest';
import { incidentsNeedingAttention, oldestUnacknowledged } from '../../../../renderer/wall/attention';
import { incident, rowsOf, T0 } from '../incident-fixtures';

const acknowledged = (spec: Parameters<typeof incident>[0]) => ({
  ...incident(spec),
  acknowledgedAt: T0 + 1,
  acknowledgedBy: { kind: 'user' as const, id: 'olive' },
});

describe('incidentsNeedingAttention', () => {
  it('is the open, unacknowledged incidents of the interrupting severities, most urgent then oldest first', () => {
    const board = rowsOf(
      incident({ id: 'late-sev2', severity: 'sev2', openedAt: T0 + 50 }),
      incident({ id: 'sev3', severity: 'sev3' }),
      incident({ id: 'sev1', severity: 'sev1', openedAt: T0 + 100 }),
      incident({ id: 'early-sev2', severity: 'sev2', openedAt: T0 }),
      acknowledged({ id: 'acked-sev1', severity: 'sev1' }),
      incident({ id: 'resolved-sev1', severity: 'sev1', resolvedAt: T0 + 5 }),
    );
    expect(incidentsNeedingAttention(board, ['sev1', 'sev2']).map((i) => i.id)).toEqual([
      'sev1',
      'early-sev2',
      'late-sev2',
    ]);
  });

  it('is empty when everything urgent has been acknowledged', () => {
    expect(incidentsNeedingAttention(rowsOf(acknowledged({ id: 'a', severity: 'sev1' })), ['sev1'])).toEqual(
      [],
    );
  });
});

describe('oldestUnacknowledged', () => {
  it('is the open unacknowledged incident that has waited longest, of any severity', () => {
    const board = rowsOf(
      incident({ id: 'new-sev1', severity: 'sev1', openedAt: T0 + 10 }),
      incident({ id: 'old-sev4', severity: 'sev4', openedAt: T0 }),
      acknowledged({ id: 'older-acked', openedAt: T0 - 100 }),
      incident({ id: 'oldest-resolved', openedAt: T0 - 200, resolvedAt: T0 }),
    );
    expect(oldestUnacknowledged(board)?.id).toBe('old-sev4');
  });

  it('is null when nothing waits', () => {
    expect(oldestUnacknowledged([])).toBeNull();
  });
});
