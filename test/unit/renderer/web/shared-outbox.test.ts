import { describe, expect, it } from 'vitest';
import { mergeSharedOutbox } from '../../../../renderer/web/shared-outbox';
import type { OutboxEntry } from '../../../../shared/outbox';

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
