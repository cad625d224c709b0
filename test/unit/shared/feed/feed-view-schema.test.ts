import { describe, expect, it } from 'vitest';
import { feedViewSchema } from '../../../../shared/feed/feed-view-schema';
import { MAX_LABEL_QUESTION } from '../../../../shared/feed/label-answer';

// What a page may say it shows, checked at the host's edge (IPC, the worker's port): the filter
// bar's question about labels included.

const view = { incidentId: null, user: null };

describe('a feed view at the edge', () => {
  it('takes a question about label names or one label', () => {
    expect(feedViewSchema.safeParse({ ...view, labels: { label: null, prefix: 'reg' } }).success).toBe(true);
    expect(feedViewSchema.safeParse({ ...view, labels: { label: 'region', prefix: '' } }).success).toBe(true);
    expect(feedViewSchema.safeParse({ ...view, labels: null }).success).toBe(true);
  });

  it('refuses a malformed or oversized question, naming the field', () => {
    const empty = feedViewSchema.safeParse({ ...view, labels: { label: '', prefix: '' } });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['labels', 'label']);
    const long = feedViewSchema.safeParse({
      ...view,
      labels: { label: null, prefix: 'x'.repeat(MAX_LABEL_QUESTION + 1) },
    });
    expect(long.error?.issues[0]?.path).toEqual(['labels', 'prefix']);
    const extra = feedViewSchema.safeParse({ ...view, labels: { label: null, prefix: '', all: true } });
    expect(extra.success).toBe(false);
  });
});
