import { describe, expect, it } from 'vitest';
import { refusalsNotKept } from '../../../../renderer/outbox/OutboxPanel';

// Only the newest refusals are kept: the panel says how many older ones were not, so an operator
// never takes the list for the whole story.

describe('the outbox panel', () => {
  it('says how many older refusals were not kept, and why', () => {
    expect(refusalsNotKept(1)).toBe(
      '1 older refused action was not kept (only the newest 50 are): check the board for what became of them.',
    );
    expect(refusalsNotKept(3)).toMatch(/^3 older refused actions were not kept/);
  });
});
