import { describe, expect, it } from 'vitest';
import { RowMap } from '../../../../shared/feed/row-map';
import { row } from '../../renderer/incident-fixtures';

describe('RowMap.ofLists', () => {
  const open = [row({ id: 'INC-1' }), row({ id: 'INC-2' })];
  const resolved = [row({ id: 'INC-7', resolvedAt: 1_000 })];

  it('reads as a map of exactly the rows of its lists, its size known before it is made', () => {
    const rows = RowMap.ofLists([open, resolved]);
    expect(rows.size).toBe(3);
    expect(rows.get('INC-2')).toBe(open[1]);
    expect(rows.has('INC-7')).toBe(true);
    expect(rows.has('INC-3')).toBe(false);
    expect([...rows.keys()].sort()).toEqual(['INC-1', 'INC-2', 'INC-7']);
  });

  it('changes like any other map, and is the empty map when its lists are empty', () => {
    const rows = RowMap.ofLists([open, resolved]).with([row({ id: 'INC-9' })], ['INC-1']);
    expect([...rows.keys()].sort()).toEqual(['INC-2', 'INC-7', 'INC-9']);
    expect(rows.size).toBe(3);
    expect(RowMap.ofLists([[], []])).toBe(RowMap.EMPTY);
  });
});
