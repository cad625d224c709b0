import { describe, expect, it } from 'vitest';
import {
  MAX_NOTICES,
  NOTICE_MAX_BYTES,
  noticeOf,
  noticesOf,
  readNotice,
} from '../../../server/store/postgres/log-notice';
import { numbered, opened } from '../../support/fixtures';

// What one hub tells the others when it commits: the seq range, when it sent the write, and the
// events themselves when they fit in a notification.

const bodiesOf = (events: ReadonlyArray<object>): string[] => events.map((event) => JSON.stringify(event));

describe('a commit notice', () => {
  it('carries a small batch whole, so another hub can fold it without reading the log', () => {
    const events = numbered([opened('INC-1'), opened('INC-2')], 41);
    const notice = readNotice(noticeOf('a1b2', 41, 42, 1_733_390_000_123.456, bodiesOf(events)));
    expect(notice).toEqual({
      from: 'a1b2',
      firstSeq: 41,
      lastSeq: 42,
      sentAt: 1_733_390_000_123.456,
      events,
    });
  });

  it('carries only the range when the events would not fit in a notification', () => {
    // Multi-byte titles: the limit is PostgreSQL's, in bytes, not characters.
    const events = numbered(
      Array.from({ length: 20 }, (_, i) => ({ ...opened(`INC-${i}`), title: 'é'.repeat(150) })),
      1,
    );
    const payload = noticeOf('a1b2', 1, 20, 5, bodiesOf(events));
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(NOTICE_MAX_BYTES);
    expect(readNotice(payload)).toEqual({ from: 'a1b2', firstSeq: 1, lastSeq: 20, sentAt: 5, events: null });
  });

  it('cuts a batch too big for one notification into consecutive runs that each carry their events', () => {
    const events = numbered(
      Array.from({ length: 40 }, (_, i) => ({ ...opened(`INC-${i}`), title: 'é'.repeat(150 + i) })),
      101,
    );
    const payloads = noticesOf('a1b2', 101, 140, 5, bodiesOf(events));
    expect(payloads.length).toBeGreaterThan(1);
    const notices = payloads.map((payload) => {
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(NOTICE_MAX_BYTES);
      return readNotice(payload);
    });
    // In order, each following on from the one before, every event carried exactly once.
    notices.forEach((notice, i) => {
      expect(notice?.from).toBe('a1b2');
      expect(notice?.firstSeq).toBe(i === 0 ? 101 : (notices[i - 1]?.lastSeq ?? 0) + 1);
    });
    expect(notices[notices.length - 1]?.lastSeq).toBe(140);
    expect(notices.flatMap((notice) => notice?.events ?? [])).toEqual(events);
  });

  it('sends a batch that fits whole as one notice, and one past the limit of runs as its range alone', () => {
    const small = numbered([opened('INC-1'), opened('INC-2')], 1);
    expect(noticesOf('a1b2', 1, 2, 5, bodiesOf(small))).toEqual([noticeOf('a1b2', 1, 2, 5, bodiesOf(small))]);
    const huge = numbered(
      Array.from({ length: MAX_NOTICES + 1 }, (_, i) => ({
        ...opened(`INC-${i}`),
        title: 'x'.repeat(7_000),
      })),
      1,
    );
    const payloads = noticesOf('a1b2', 1, MAX_NOTICES + 1, 5, bodiesOf(huge));
    expect(payloads.map(readNotice)).toEqual([
      { from: 'a1b2', firstSeq: 1, lastSeq: MAX_NOTICES + 1, sentAt: 5, events: null },
    ]);
  });

  it('sends an event too big for any notification as its range alone, between runs that carry theirs', () => {
    const events = numbered(
      [opened('INC-1'), { ...opened('INC-2'), title: 'x'.repeat(9_000) }, opened('INC-3')],
      1,
    );
    const notices = noticesOf('a1b2', 1, 3, 5, bodiesOf(events)).map(readNotice);
    expect(notices.map((notice) => [notice?.firstSeq, notice?.lastSeq, notice?.events?.length ?? 0])).toEqual(
      [
        [1, 1, 1],
        [2, 2, 0],
        [3, 3, 1],
      ],
    );
  });

  it('stays under the limit at its edge', () => {
    for (const size of [7_700, 7_850, 7_880, 7_900]) {
      const event = { ...numbered([opened('INC-9')], 3)[0], title: 'x'.repeat(size) };
      const payload = noticeOf('a1b2', 3, 3, 5, bodiesOf([event]));
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(NOTICE_MAX_BYTES);
    }
  });

  it('reads an older hub’s "instance seq" as a range to read from the log', () => {
    expect(readNotice('a1b2 17')).toEqual({
      from: 'a1b2',
      firstSeq: 17,
      lastSeq: 17,
      sentAt: null,
      events: null,
    });
  });

  it('refuses what is not a notice, and never folds events that do not match the range it states', () => {
    expect(readNotice('')).toBeNull();
    expect(readNotice('a1b2 x y z')).toBeNull();
    expect(readNotice('a1b2 9 3 1')).toBeNull();
    const events = numbered([opened('INC-1'), opened('INC-2')], 7);
    // Claims 5..6 but carries 7..8: read from the log instead.
    expect(readNotice(`a1b2 5 6 1\n${JSON.stringify(events)}`)?.events).toBeNull();
    // One event short of the range.
    expect(readNotice(`a1b2 7 9 1\n${JSON.stringify(events)}`)?.events).toBeNull();
    expect(readNotice('a1b2 7 8 1\n[{"seq": 7}, tru')?.events).toBeNull();
    expect(readNotice('a1b2 7 8 1\n{"seq": 7}')?.events).toBeNull();
  });
});
