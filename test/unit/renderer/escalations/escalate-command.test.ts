import { describe, expect, it } from 'vitest';
import {
  escalateCommand,
  escalatedText,
  ladderEnded,
} from '../../../../renderer/escalations/escalate-command';
import type { IncidentEscalation } from '../../../../shared/domain';

const running: IncidentEscalation = {
  policyId: 'payments',
  level: 2,
  cycle: 0,
  pagedUserIds: ['alice'],
  pagedAt: 1_000,
  nextLevelAt: 13_000,
  stopped: null,
};

describe('the console’s Escalate', () => {
  it('asks for the next level while the ladder goes on, before it starts, and without a policy', () => {
    expect(escalateCommand(running)).toEqual({ type: 'escalate' });
    expect(escalateCommand({ ...running, level: 0, pagedAt: null })).toEqual({ type: 'escalate' });
    expect(escalateCommand(null)).toEqual({ type: 'escalate' });
    expect(escalateCommand(undefined)).toEqual({ type: 'escalate' });
  });

  it('pages the last level again once it was paged and nothing follows (the hub refuses a plain one)', () => {
    const ended = { ...running, level: 3, nextLevelAt: null };
    expect(ladderEnded(ended)).toBe(true);
    expect(escalateCommand(ended)).toEqual({ type: 'escalate', level: 3 });
    expect(escalatedText('INC-7', escalateCommand(ended))).toBe(
      'INC-7: level 3, the last of its policy, is being paged again.',
    );
  });

  it('leaves a stopped escalation to the hub: someone took it, and a next level may exist', () => {
    const taken = { ...running, nextLevelAt: null, stopped: 'acknowledged' as const };
    expect(ladderEnded(taken)).toBe(false);
    expect(escalateCommand(taken)).toEqual({ type: 'escalate' });
    expect(escalatedText('INC-7', escalateCommand(taken))).toBe(
      'INC-7 escalated: the next level is being paged.',
    );
  });
});
