import { beforeEach, describe, expect, it } from 'vitest';
import { mergePageAlerts, usePageAlertsStore } from '../../../../renderer/notifications/page-alerts-store';
import type { PageAlert } from '../../../../renderer/notifications/pages-for-me';
import { createPagingNotifier } from '../../../../renderer/notifications/paging-notifier';
import type { Incident } from '../../../../shared/domain';
import type { EscalationLevelPaged } from '../../../../shared/events';
import type { RowLike } from '../../../../shared/feed/board-row';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { incident, T0 } from '../incident-fixtures';

const boardOf = (...incidents: Incident[]): ReadonlyMap<string, RowLike> =>
  new Map(incidents.map((value) => [value.id, value]));

const page = (seq: number, targets: string[], level = 1): EscalationLevelPaged => ({
  seq,
  at: T0,
  actor: { kind: 'system' },
  incidentId: 'INC-1',
  type: 'escalation_level_paged',
  level,
  cycle: 0,
  targets,
  teams: [],
  dueNext: null,
});
const frame = (...pages: EscalationLevelPaged[]): BoardPatch[] => [{ kind: 'paged', pages }];

function harness(
  userId: string | null,
  board: ReadonlyMap<string, RowLike> = boardOf(incident({ id: 'INC-1', title: 'Payments DB down' })),
) {
  const notified: Array<[string, string]> = [];
  const state = { userId, board };
  const receive = createPagingNotifier({
    notify: async (title, body) => {
      notified.push([title, body]);
    },
    currentUserId: () => state.userId,
    incidents: () => state.board,
  });
  return { receive, notified, state };
}

beforeEach(() => usePageAlertsStore.setState({ alerts: [], userId: null }));

describe('the paging notifier', () => {
  it('raises an alert and a desktop notification when a page names the signed-in user', () => {
    const { receive, notified } = harness('alice');
    receive(frame(page(10, ['alice'])));
    expect(usePageAlertsStore.getState()).toMatchObject({
      userId: 'alice',
      alerts: [{ incidentId: 'INC-1', level: 1 }],
    });
    expect(notified).toEqual([['You are paged: INC-1 SEV3', expect.stringContaining('Payments DB down')]]);
  });

  it('stays quiet for pages to others, and when nobody is signed in', () => {
    const other = harness('bob');
    other.receive(frame(page(10, ['alice'])));
    expect(other.notified).toEqual([]);
    const nobody = harness(null);
    nobody.receive(frame(page(11, ['alice'])));
    expect(nobody.notified).toEqual([]);
    expect(usePageAlertsStore.getState().alerts).toEqual([]);
  });

  it('notifies each page once, and the next level again', () => {
    const { receive, notified } = harness('alice');
    receive(frame(page(10, ['alice'])));
    receive(frame(page(10, ['alice'])));
    expect(notified).toHaveLength(1);
    receive(frame(page(12, ['alice'], 2)));
    expect(notified).toHaveLength(2);
    expect(usePageAlertsStore.getState().alerts.map((alert) => alert.level)).toEqual([2]);
  });

  it('drops the alert once the incident is acknowledged, with the next frame', () => {
    const { receive, state } = harness('alice');
    receive(frame(page(10, ['alice'])));
    state.board = boardOf({ ...incident({ id: 'INC-1' }), acknowledgedAt: T0 + 1000 });
    receive(frame());
    expect(usePageAlertsStore.getState().alerts).toEqual([]);
  });

  it('does not notify for a page already answered by the time it arrives (catching up)', () => {
    const { receive, notified } = harness(
      'alice',
      boardOf({ ...incident({ id: 'INC-1' }), acknowledgedAt: T0 + 5 }),
    );
    receive(frame(page(10, ['alice'])));
    expect(notified).toEqual([]);
  });
});

describe('merging page alerts', () => {
  it('keeps the same array when nothing changed, so the toasts do not re-render', () => {
    const alert: PageAlert = { incidentId: 'INC-1', level: 1, cycle: 0, seq: 3, pagedAt: T0 };
    const current = [alert];
    const merged = mergePageAlerts(current, [], boardOf(incident({ id: 'INC-1' })));
    expect(merged.alerts).toBe(current);
    expect(merged.raised).toEqual([]);
  });
});
