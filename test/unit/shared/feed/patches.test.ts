import { afterEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import type { BoardRow } from '../../../../shared/feed/board-row';
import { type BoardPatch, PendingPatches } from '../../../../shared/feed/patch';
import { SEND_BURST, SendWindow } from '../../../../shared/send-window';
import { row } from '../../renderer/incident-fixtures';

// How patches travel: coalesced into the fewest that mean the same, and sent at once when the
// link is quiet, once per window under load.

const rows = (patch: BoardPatch | undefined): ReadonlyArray<BoardRow> =>
  patch?.kind === 'rows' || patch?.kind === 'reset'
    ? patch.kind === 'rows'
      ? patch.changed
      : patch.rows
    : [];
const connection = { status: 'live' as const, since: 1, lastUpdateAt: 1, cached: false };

describe('pending patches', () => {
  it('keep the newest row per incident, and let a removal cancel a change', () => {
    const pending = new PendingPatches();
    pending.add({
      kind: 'rows',
      seq: 1,
      changed: [row({ id: 'A', title: 'old' }), row({ id: 'B' })],
      removed: [],
    });
    pending.add({ kind: 'rows', seq: 2, changed: [row({ id: 'A', title: 'new' })], removed: ['B'] });
    const [patch] = pending.take();
    expect(patch).toMatchObject({ kind: 'rows', seq: 2, removed: ['B'] });
    expect(rows(patch).map((r) => r.title)).toEqual(['new']);
    expect(pending.isEmpty).toBe(true);
  });

  it('let a whole board swallow the rows before it and take the rows after it', () => {
    const pending = new PendingPatches();
    pending.add({ kind: 'rows', seq: 1, changed: [row({ id: 'gone' })], removed: [] });
    pending.add({ kind: 'reset', seq: 5, rows: [row({ id: 'A' }), row({ id: 'B' })] });
    pending.add({ kind: 'rows', seq: 6, changed: [row({ id: 'C' })], removed: ['A'] });
    const batch = pending.take();
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({ kind: 'reset', seq: 6 });
    expect(rows(batch[0]).map((r) => r.id)).toEqual(['B', 'C']);
  });

  it('send the last of hiding and restoring a row, and keep a row changed then hidden out of sight', () => {
    const pending = new PendingPatches();
    pending.add({ kind: 'rows', seq: 1, changed: [], removed: [], hidden: ['A', 'B'] });
    pending.add({ kind: 'rows', seq: 1, changed: [], removed: [], restored: ['A', 'C'] });
    pending.add({ kind: 'rows', seq: 1, changed: [], removed: [], hidden: ['C'] });
    const d = row({ id: 'D' });
    pending.add({ kind: 'rows', seq: 2, changed: [d], removed: [] });
    pending.add({ kind: 'rows', seq: 2, changed: [], removed: [], hidden: ['D'] });
    // Changed, hidden, then restored: sent changed, which shows it, and not restored as well.
    const e = row({ id: 'E' });
    pending.add({ kind: 'rows', seq: 3, changed: [e], removed: [], hidden: ['E'] });
    pending.add({ kind: 'rows', seq: 3, changed: [], removed: [], restored: ['E'] });
    const [patch] = pending.take();
    expect(patch).toEqual({
      kind: 'rows',
      seq: 3,
      changed: [d, e],
      removed: [],
      hidden: ['B', 'C', 'D'],
      restored: ['A'],
    });
  });

  it('fold hidden and restored rows into a whole board waiting to be sent', () => {
    const pending = new PendingPatches();
    const [a, b] = [row({ id: 'A' }), row({ id: 'B' })];
    pending.add({ kind: 'reset', seq: 5, rows: [a, b] });
    pending.add({ kind: 'rows', seq: 5, changed: [], removed: [], hidden: ['A', 'B'] });
    pending.add({ kind: 'rows', seq: 5, changed: [], removed: [], restored: ['B'] });
    const [patch] = pending.take();
    expect(patch).toEqual({ kind: 'reset', seq: 5, rows: [b], held: [a] });
  });

  it('carry every kind, outbox and connection included, in the order the page applies them', () => {
    const pending = new PendingPatches();
    pending.add({ kind: 'connection', connection: { ...connection, status: 'offline' } });
    pending.add({
      kind: 'paged',
      pages: [
        {
          type: 'escalation_level_paged',
          seq: 3,
          at: 1,
          actor: { kind: 'system' },
          incidentId: 'A',
          level: 1,
          cycle: 0,
          targets: ['dana'],
          teams: [],
          dueNext: null,
        },
      ],
    });
    pending.add({ kind: 'outbox', pending: [], rejected: [], rejectedDropped: 0 });
    pending.add({ kind: 'connection', connection });
    pending.add({ kind: 'timeline', incidentId: 'A', events: [] });
    pending.add({ kind: 'focus', incidentId: 'A', incident: null });
    pending.add({ kind: 'rows', seq: 1, changed: [row({ id: 'A' })], removed: [] });
    expect(pending.take().map((patch) => patch.kind)).toEqual([
      'rows',
      'outbox',
      'focus',
      'timeline',
      'connection',
      'paged',
    ]);
  });

  it('drop live events of an incident the page has stopped showing', () => {
    const pending = new PendingPatches();
    pending.add({ kind: 'timeline', incidentId: 'A', events: [] });
    pending.add({ kind: 'focus', incidentId: 'B', incident: null });
    expect(pending.take().map((patch) => patch.kind)).toEqual(['focus']);
  });
});

describe('the send window', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the first changes at once, then at most once per window while changes keep coming', async () => {
    vi.useFakeTimers();
    let sends = 0;
    const window = new SendWindow({ send: () => (sends += 1), windowMs: 10 });
    window.poke();
    window.poke(); // the same turn: one send
    await Promise.resolve();
    expect(sends).toBe(1);
    for (let i = 0; i < 50; i++) {
      window.poke();
      await vi.advanceTimersByTimeAsync(1);
    }
    // 50 ms of constant changes: the burst's credit at once, then one send per 10 ms window.
    expect(sends).toBeGreaterThanOrEqual(SEND_BURST + 3);
    expect(sends).toBeLessThanOrEqual(SEND_BURST + 6);
    await vi.advanceTimersByTimeAsync(100);
    const settled = sends;
    window.poke();
    await Promise.resolve();
    expect(sends).toBe(settled + 1); // quiet again: at once
  });

  it('sends a short burst of changes each at once, as a quiet link would', async () => {
    vi.useFakeTimers();
    const sentAt: number[] = [];
    const window = new SendWindow({ send: () => sentAt.push(performance.now()), windowMs: 10 });
    const start = performance.now();
    // An alert, the incident it opens and a page, a few ms apart: none waits for a window.
    for (let i = 0; i < SEND_BURST; i++) {
      window.poke();
      await vi.advanceTimersByTimeAsync(2);
    }
    expect(sentAt).toEqual(Array.from({ length: SEND_BURST }, (_, i) => start + i * 2));
  });

  it('holds a long storm to one send per window once the burst is spent', async () => {
    vi.useFakeTimers();
    let sends = 0;
    const window = new SendWindow({ send: () => (sends += 1), windowMs: 10 });
    for (let i = 0; i < 1000; i++) {
      window.poke();
      await vi.advanceTimersByTimeAsync(1);
    }
    // One second of changes every millisecond: at most the burst plus 1000 / 10.
    expect(sends).toBeGreaterThanOrEqual(100);
    expect(sends).toBeLessThanOrEqual(SEND_BURST + 101);
  });

  it('sends what waits when flushed, even with no credit left', async () => {
    vi.useFakeTimers();
    let sends = 0;
    const window = new SendWindow({ send: () => (sends += 1), windowMs: 10 });
    for (let i = 0; i < SEND_BURST + 1; i++) {
      window.poke();
      await Promise.resolve();
    }
    expect(sends).toBe(SEND_BURST); // the last waits for credit
    window.flush();
    expect(sends).toBe(SEND_BURST + 1);
    await vi.advanceTimersByTimeAsync(50);
    expect(sends).toBe(SEND_BURST + 1); // and is not sent twice
  });

  it('sends nothing after it is closed', async () => {
    let sends = 0;
    const window = new SendWindow({ send: () => (sends += 1), windowMs: 10 });
    window.close();
    window.poke();
    await Promise.resolve();
    expect(sends).toBe(0);
  });
});

describe('the interpreter with hidden rows', () => {
  it('keeps hidden rows out of sight, shows them again by id, and skips an id it does not hold', () => {
    const [a, b] = [row({ id: 'A', severity: 'sev1' }), row({ id: 'B', severity: 'sev2' })];
    let board = interpretPatches(INITIAL_BOARD, [{ kind: 'reset', seq: 1, rows: [a, b] }], 0);
    board = interpretPatches(board, [{ kind: 'rows', seq: 1, changed: [], removed: [], hidden: ['A'] }], 0);
    expect(board.active.map((one) => one.id)).toEqual(['B']);
    expect(board.held.get('A')).toBe(a);
    board = interpretPatches(
      board,
      [{ kind: 'rows', seq: 1, changed: [], removed: [], restored: ['A', 'nowhere'] }],
      0,
    );
    expect(board.active.map((one) => one.id)).toEqual(['A', 'B']);
    expect(board.rows.get('A')).toBe(a);
    expect(board.rows.has('nowhere')).toBe(false);
    expect(board.held.size).toBe(0);
  });
});
