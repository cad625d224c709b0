import { describe, expect, it } from 'vitest';
import { boardChecksum } from '../../../shared/checksum';
import type { Incident } from '../../../shared/domain';
import { incident } from '../renderer/incident-fixtures';

// The fingerprint a console proves its board by: equal for the same open incidents in any order,
// and different when anything an operator sees of one of them differs.

const open = (id: string): Incident => incident({ id });

describe('boardChecksum', () => {
  const board = [open('INC-1'), open('INC-2'), open('INC-3')];

  it('does not depend on order, and counts the open incidents', () => {
    expect(boardChecksum([...board].reverse())).toBe(boardChecksum(board));
    expect(boardChecksum(board)).toMatch(/^3:[0-9a-f]{16}$/);
    expect(boardChecksum([])).toBe('0:0000000000000000');
  });

  it('ignores resolved incidents', () => {
    const resolved = incident({ id: 'INC-9', resolvedAt: Date.UTC(2026, 10, 27, 5) });
    expect(boardChecksum([...board, resolved])).toBe(boardChecksum(board));
  });

  it('is the same for equal incidents made separately (what the hub and a console each hold)', () => {
    expect(boardChecksum([open('INC-1'), open('INC-2'), open('INC-3')])).toBe(boardChecksum(board));
  });

  it('changes when anything an operator sees of one incident changes', () => {
    const first = board[0] as Incident;
    const variants: ReadonlyArray<Partial<Incident>> = [
      { updatedSeq: first.updatedSeq + 1 },
      { status: 'mitigated' },
      { severity: first.severity === 'sev1' ? 'sev2' : 'sev1' },
      { alertCount: first.alertCount + 1 },
      { firingCount: first.firingCount + 1 },
      { acknowledgedAt: 1 },
      { commander: 'dana' },
      { responders: ['dana'] },
      { services: ['checkout'] },
    ];
    const before = boardChecksum(board);
    for (const change of variants) {
      const changed = [{ ...first, ...change }, ...board.slice(1)];
      expect(boardChecksum(changed), JSON.stringify(change)).not.toBe(before);
    }
  });

  it('does not let an incident held twice cancel out, as hashes combined by xor would', () => {
    const [a, b, c] = board as [Incident, Incident, Incident];
    const twice = [a, a, b];
    expect(boardChecksum(twice)).not.toBe(boardChecksum([b]));
    expect(boardChecksum(twice)).not.toBe(boardChecksum(board));
    // The same count, and the same xor of hashes (a and d each twice): only the sum tells them apart.
    const d = open('INC-4');
    expect(boardChecksum([a, a, b, c])).not.toBe(boardChecksum([b, c, d, d]));
  });
});
