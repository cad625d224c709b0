import { describe, expect, it } from 'vitest';
import {
  clip,
  isAnswered,
  type PageAlert,
  pageNotification,
  pagesFor,
} from '../../../../renderer/notifications/pages-for-me';
import { DESKTOP_NOTIFICATION_LIMITS } from '../../../../shared/api';
import type { EscalationLevelPaged } from '../../../../shared/events';
import { pagesIn } from '../../../../shared/feed/board-interpreter';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { incident, T0 } from '../incident-fixtures';

let seq = 100;
const paged = (
  incidentId: string,
  targets: string[],
  fields: Partial<EscalationLevelPaged> = {},
): EscalationLevelPaged => ({
  seq: seq++,
  at: T0,
  actor: { kind: 'system' },
  incidentId,
  type: 'escalation_level_paged',
  level: 1,
  cycle: 0,
  targets,
  teams: [],
  dueNext: T0 + 60_000,
  ...fields,
});
const pagedPatch = (...pages: EscalationLevelPaged[]): BoardPatch => ({ kind: 'paged', pages });

describe('which events page me', () => {
  it('are the pages that name me among their targets', () => {
    const mine = paged('INC-1', ['dana', 'alice']);
    const pages = pagesFor('alice', [paged('INC-2', ['dana']), mine]);
    expect(pages).toEqual([{ incidentId: 'INC-1', level: 1, cycle: 0, seq: mine.seq, pagedAt: T0 }]);
  });

  it('come only from paged patches, never from whole boards, and ignore other people', () => {
    const mine = paged('INC-1', ['alice']);
    const batch: BoardPatch[] = [
      { kind: 'reset', seq: 5, rows: [] },
      pagedPatch(paged('INC-1', ['bob'])),
      pagedPatch(mine),
    ];
    expect(pagesIn(batch)).toHaveLength(2);
    expect(pagesFor('alice', pagesIn(batch)).map((page) => page.seq)).toEqual([mine.seq]);
    // A team is not a person: team "alice" paged is not user alice paged.
    expect(pagesFor('alice', [paged('INC-1', [], { teams: ['alice'] })])).toEqual([]);
  });

  it('keep the newest page per incident when a frame carries several (catching up)', () => {
    const pages = pagesFor('alice', [
      paged('INC-1', ['alice'], { level: 1 }),
      paged('INC-1', ['alice'], { level: 2 }),
      paged('INC-2', ['alice'], { level: 1 }),
    ]);
    expect(pages.map((page) => [page.incidentId, page.level])).toEqual([
      ['INC-1', 2],
      ['INC-2', 1],
    ]);
  });
});

describe('a page is answered', () => {
  const alert: PageAlert = { incidentId: 'INC-1', level: 1, cycle: 0, seq: 9, pagedAt: T0 };
  const open = incident({ id: 'INC-1' });

  it('once the incident is acknowledged after the page', () => {
    expect(isAnswered(alert, open)).toBe(false);
    expect(isAnswered(alert, { ...open, acknowledgedAt: T0 + 1 })).toBe(true);
  });

  it('not by an acknowledgement before it: paging by hand after an ack still wants the person', () => {
    expect(isAnswered(alert, { ...open, acknowledgedAt: T0 - 1 })).toBe(false);
  });

  it('once the incident is resolved or gone from the board', () => {
    expect(isAnswered(alert, incident({ id: 'INC-1', resolvedAt: T0 + 5 }))).toBe(true);
    expect(isAnswered(alert, undefined)).toBe(true);
  });
});

describe('the desktop notification for a page', () => {
  const alert: PageAlert = { incidentId: 'INC-7', level: 2, cycle: 1, seq: 9, pagedAt: T0 };

  it('says who is paged for what, and what to do', () => {
    const text = pageNotification(
      alert,
      incident({ id: 'INC-7', severity: 'sev1', title: 'Payments DB down' }),
    );
    expect(text).toEqual({
      title: 'You are paged: INC-7 SEV1',
      body: 'Payments DB down\nLevel 2 (repeat 1) of the escalation. Acknowledge it in Sitroom.',
    });
  });

  it('fits what main accepts, however long the alert title', () => {
    const text = pageNotification(alert, incident({ id: 'INC-7', title: 'x'.repeat(5000) }));
    expect(text.body.length).toBeLessThanOrEqual(DESKTOP_NOTIFICATION_LIMITS.body);
    expect(text.body.endsWith('…')).toBe(true);
    expect(pageNotification(alert, undefined).title).toBe('You are paged: INC-7');
  });

  it('is clipped without splitting a character', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    expect(clip('ab😀cd', 4)).toBe('ab…');
  });
});
