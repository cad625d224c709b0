import { describe, expect, it } from 'vitest';
import { HeldRows } from '../../../../shared/feed/held-rows';
import { row } from '../../renderer/incident-fixtures';

// The rows a filter keeps out of sight, kept in board order so that the page can hide and bring
// back thousands of them with walks and merges (shared/feed/predict-filter.ts).

const a = row({ id: 'INC-1', severity: 'sev1', openedAt: 10 });
const b = row({ id: 'INC-2', severity: 'sev2', openedAt: 5 });
const c = row({ id: 'INC-3', severity: 'sev1', openedAt: 20 });
const done = row({ id: 'INC-4', openedAt: 1, resolvedAt: 50 });
const older = row({ id: 'INC-5', openedAt: 2, resolvedAt: 40 });
const ids = (held: HeldRows) => ({
  active: held.active.map((r) => r.id),
  resolved: held.resolved.map((r) => r.id),
});

describe('HeldRows', () => {
  it('keeps open rows in board order and resolved ones newest first', () => {
    const held = HeldRows.of([b, older, c, done, a]);
    expect(ids(held)).toEqual({ active: ['INC-1', 'INC-3', 'INC-2'], resolved: ['INC-4', 'INC-5'] });
    expect(held.size).toBe(5);
    expect(held.get('INC-3')).toBe(c);
    expect(held.has('INC-9')).toBe(false);
    expect([...held.keys()]).toEqual(['INC-1', 'INC-3', 'INC-2', 'INC-4', 'INC-5']);
  });

  it('merges rows that arrive in order, and splits out the rows a filter keeps', () => {
    const held = HeldRows.of([a, done]).plusOrdered([c, b], [older]);
    expect(ids(held)).toEqual({ active: ['INC-1', 'INC-3', 'INC-2'], resolved: ['INC-4', 'INC-5'] });
    const { active, resolved, rest } = held.partition((r) => r.id !== 'INC-3' && r.id !== 'INC-4');
    expect(active.map((r) => r.id)).toEqual(['INC-1', 'INC-2']);
    expect(resolved.map((r) => r.id)).toEqual(['INC-5']);
    expect(ids(rest)).toEqual({ active: ['INC-3'], resolved: ['INC-4'] });
    expect(held.partition(() => false).rest).toBe(held);
  });

  it('replaces a row held again, lets go of dropped ids, and answers lookups after', () => {
    const held = HeldRows.of([a, b, done]);
    const changed = row({ id: 'INC-2', severity: 'sev1', openedAt: 1 });
    const next = held.with([changed], ['INC-4', 'INC-8']);
    expect(ids(next)).toEqual({ active: ['INC-2', 'INC-1'], resolved: [] });
    expect(next.get('INC-2')).toBe(changed);
    expect(next.has('INC-4')).toBe(false);
    expect(held.get('INC-2')).toBe(b);
    expect(held.with([], ['INC-9'])).toBe(held);
    expect(HeldRows.EMPTY.with([], ['INC-1'])).toBe(HeldRows.EMPTY);
  });

  it('holds rows the host names in its own order, and puts them in order when order is asked for', () => {
    const unordered = HeldRows.EMPTY.with([b, older, a, done], []);
    expect(ids(unordered)).toEqual({ active: ['INC-1', 'INC-2'], resolved: ['INC-4', 'INC-5'] });
    // Rows in order added to rows not yet in order: all of them end in order.
    const mixed = HeldRows.EMPTY.with([b, a], []).with([c], []);
    expect(ids(mixed)).toEqual({ active: ['INC-1', 'INC-3', 'INC-2'], resolved: [] });
    const resolvedLater = HeldRows.EMPTY.plusOrdered([a], []).with([older, done], []);
    expect(ids(resolvedLater)).toEqual({ active: ['INC-1'], resolved: ['INC-4', 'INC-5'] });
    expect(unordered.partition((r) => r.id === 'INC-2').rest.active.map((r) => r.id)).toEqual(['INC-1']);
  });
});
