import { describe, expect, it } from 'vitest';
import { NOTICE_MAX_BYTES, noticeOf, readNotice } from '../../../server/store/postgres/log-notice';
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
