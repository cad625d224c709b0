import { describe, expect, it } from 'vitest';
import { mergeSharedOutbox, mergeSharedRejected } from '../../../../renderer/web/shared-outbox';
import { MAX_KEPT_REFUSALS, type OutboxEntry, type RejectedCommand } from '../../../../shared/outbox';

const entry = (id: string, queuedAt: number): OutboxEntry => ({
  command: { commandId: id, type: 'acknowledge', incidentId: `INC-${id}` },
  queuedAt,
});

describe('one outbox shared by the tabs of a profile', () => {
  it("keeps another tab's queued action when this tab saves its own", () => {
    const fromTabA = entry('A', 1);
    const fromTabB = entry('B', 2);
    expect(mergeSharedOutbox([fromTabA], new Set(), [fromTabB])).toEqual([fromTabA, fromTabB]);
  });

  it('takes out what this tab knew and is done with, and nothing else', () => {
    const sent = entry('sent', 1);
    const others = entry('others', 2);
    const still = entry('still', 3);
    const stored = [sent, others, still];
    expect(mergeSharedOutbox(stored, new Set(['sent', 'still']), [still])).toEqual([others, still]);
  });

  it('an empty tab (a wall) saving changes nothing that others queued', () => {
    const queued = [entry('x', 1), entry('y', 2)];
    expect(mergeSharedOutbox(queued, new Set(), [])).toEqual(queued);
  });

  it('never stores an action twice, and keeps them in the order they were queued', () => {
    const a = entry('a', 5);
    const b = entry('b', 1);
    expect(mergeSharedOutbox([a, b], new Set(['a']), [a])).toEqual([b, a]);
  });
});

const refusal = (id: string, at: number): RejectedCommand => ({
  command: { commandId: id, type: 'acknowledge', incidentId: `INC-${id}` },
  error: { code: 'conflict', message: `INC-${id} was already resolved` },
  at,
});

describe('refusals in the outbox shared by the tabs of a profile', () => {
  it("keeps another worker's refusal, and takes out only one this worker had and dismissed", () => {
    const others = refusal('others', 1);
    const dismissed = refusal('dismissed', 2);
    const mine = refusal('mine', 3);
    expect(mergeSharedRejected([others, dismissed], new Set(['dismissed']), [mine])).toEqual({
      rejected: [others, mine],
      dropped: 0,
    });
  });

  it(`keeps the newest ${MAX_KEPT_REFUSALS} of both, and counts the rest`, () => {
    const stored = Array.from({ length: MAX_KEPT_REFUSALS }, (_, i) => refusal(`s${i}`, i * 2));
    const current = [refusal('newest', 1000), refusal('mine-old', 1)];
    const merged = mergeSharedRejected(stored, new Set(), current);
    expect(merged.dropped).toBe(2);
    expect(merged.rejected).toHaveLength(MAX_KEPT_REFUSALS);
    expect(merged.rejected.at(-1)).toEqual(refusal('newest', 1000));
    expect(merged.rejected[0]).toEqual(refusal('s1', 2));
  });
});
