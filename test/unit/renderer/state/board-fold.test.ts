import { describe, expect, it } from 'vitest';
import {
  BOARD_PRUNE_INTERVAL_MS,
  foldReplicaMessages,
  INITIAL_BOARD,
} from '../../../../renderer/state/board-fold';
import type { ReplicaMessage } from '../../../../shared/api';
import type { ConnectionState } from '../../../../shared/connection';
import { RESOLVED_RETENTION_MS } from '../../../../shared/retention';
import { boardOf, incident, incidentEvents } from '../incident-fixtures';

const NOW = 1_800_000_000_000;
const live: ConnectionState = { status: 'live', since: 5, lastUpdateAt: 6, cached: false };

describe('foldReplicaMessages', () => {
  it('becomes ready when the first whole board arrives, and the board replaces what was there', () => {
    const before = { ...INITIAL_BOARD, incidents: boardOf(incident({ id: 'stale' })) };
    const board: ReplicaMessage = { type: 'board', seq: 7, incidents: boardOf(incident({ id: 'a' })) };
    const next = foldReplicaMessages(before, [board], NOW);
    expect(next.ready).toBe(true);
    expect(next.seq).toBe(7);
    expect(Object.keys(next.incidents)).toEqual(['a']);
  });

  it('folds events onto the board with the shared reducer and advances seq', () => {
    const messages: ReplicaMessage[] = [
      { type: 'board', seq: 0, incidents: {} },
      { type: 'events', events: incidentEvents({ id: 'inc-1', severity: 'sev2' }, 1) },
      { type: 'events', events: incidentEvents({ id: 'inc-2', severity: 'sev1' }, 3) },
    ];
    const next = foldReplicaMessages(INITIAL_BOARD, messages, NOW);
    expect(next.seq).toBe(4);
    expect(next.incidents['inc-1']?.severity).toBe('sev2');
    expect(next.incidents['inc-2']?.firingCount).toBe(1);
  });

  it('drops events queued before a board in the same frame: the board already contains them', () => {
    const messages: ReplicaMessage[] = [
      { type: 'events', events: incidentEvents({ id: 'old' }, 1) },
      { type: 'board', seq: 10, incidents: boardOf(incident({ id: 'fresh' })) },
    ];
    expect(Object.keys(foldReplicaMessages(INITIAL_BOARD, messages, NOW).incidents)).toEqual(['fresh']);
  });

  it('sets the connection state and keeps events on either side of it', () => {
    const messages: ReplicaMessage[] = [
      { type: 'events', events: incidentEvents({ id: 'a' }, 1) },
      { type: 'connection', connection: live },
      { type: 'events', events: incidentEvents({ id: 'b' }, 3) },
    ];
    const next = foldReplicaMessages(INITIAL_BOARD, messages, NOW);
    expect(next.connection.status).toBe('live');
    expect(Object.keys(next.incidents).sort()).toEqual(['a', 'b']);
  });

  it('records when events last reached the board, since the replica announces only status changes', () => {
    const connected = foldReplicaMessages(INITIAL_BOARD, [{ type: 'connection', connection: live }], NOW);
    expect(connected.connection.lastUpdateAt).toBe(live.lastUpdateAt);
    const updated = foldReplicaMessages(
      connected,
      [{ type: 'events', events: incidentEvents({ id: 'a' }, 1) }],
      NOW,
    );
    expect(updated.connection).toEqual({ ...live, lastUpdateAt: NOW });
  });

  it('returns the same state for an empty frame, so the store does not notify', () => {
    expect(foldReplicaMessages(INITIAL_BOARD, [], NOW)).toBe(INITIAL_BOARD);
  });

  it('lets go of incidents resolved more than a day ago, at most once a minute, so a wall does not grow', () => {
    const day = RESOLVED_RETENTION_MS;
    const resolvedLongAgo = incidentEvents({ id: 'old', openedAt: NOW, resolvedAt: NOW + 1000 }, 1);
    const stillOpen = incidentEvents({ id: 'open', openedAt: NOW }, 4);
    const resolvedToday = incidentEvents({ id: 'today', openedAt: NOW, resolvedAt: NOW + day }, 6);
    let board = foldReplicaMessages(INITIAL_BOARD, [{ type: 'board', seq: 0, incidents: {} }], NOW);
    board = foldReplicaMessages(
      board,
      [{ type: 'events', events: [...resolvedLongAgo, ...stillOpen, ...resolvedToday] }],
      NOW + 2000,
    );
    expect(Object.keys(board.confirmed).sort()).toEqual(['old', 'open', 'today']);

    // A day and a bit later, the next frame that brings anything prunes the first one only.
    const later = NOW + day + 5000;
    const note = {
      seq: 9,
      at: later,
      actor: { kind: 'user', id: 'olive' } as const,
      incidentId: 'open',
      type: 'note_added' as const,
      text: 'still on it',
    };
    board = foldReplicaMessages(board, [{ type: 'events', events: [note] }], later);
    expect(Object.keys(board.confirmed).sort()).toEqual(['open', 'today']);
    expect(Object.keys(board.incidents).sort()).toEqual(['open', 'today']);
    expect(board.prunedAt).toBe(later);

    // Within the minute that follows, nothing is scanned again.
    const withinMinute = foldReplicaMessages(
      board,
      [{ type: 'events', events: [{ ...note, seq: 10 }] }],
      later + BOARD_PRUNE_INTERVAL_MS - 1,
    );
    expect(withinMinute.prunedAt).toBe(later);
  });

  it('keeps an old resolved incident that someone has open or has an action queued for', () => {
    const day = RESOLVED_RETENTION_MS;
    const events = [
      ...incidentEvents({ id: 'reading', openedAt: NOW, resolvedAt: NOW + 1 }, 1),
      ...incidentEvents({ id: 'queued', openedAt: NOW, resolvedAt: NOW + 1 }, 4),
      ...incidentEvents({ id: 'forgotten', openedAt: NOW, resolvedAt: NOW + 1 }, 7),
    ];
    let board = foldReplicaMessages(INITIAL_BOARD, [{ type: 'board', seq: 0, incidents: {} }], NOW);
    board = foldReplicaMessages(board, [{ type: 'events', events }], NOW + 2);
    const reopen = { type: 'reopen' as const, commandId: '01J0000000000000000000000Q', incidentId: 'queued' };
    const later = NOW + day + 5000;
    board = foldReplicaMessages(
      board,
      [{ type: 'outbox', pending: [{ command: reopen, queuedAt: later }], rejected: [] }],
      later,
      undefined,
      () => new Set(['reading']),
    );
    expect(Object.keys(board.confirmed).sort()).toEqual(['queued', 'reading']);
  });
});
