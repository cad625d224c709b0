import { describe, expect, it } from 'vitest';
import { describeCommand } from '../../../../renderer/outbox/describe-command';

// A refused action is shown as "<what was asked> was refused: <the hub's reason>": the people in
// it by the names the operator knows from the roster, their ids only when no name is known.

const roster = new Map([
  ['dana', 'Dana Reyes'],
  ['bob', 'Bob Okafor'],
]);
const names = (userId: string) => roster.get(userId) ?? userId;
const base = { commandId: '01JBQ0000000000000000000000', incidentId: 'INC-4' };

describe('describeCommand', () => {
  it('names the people in an action by their display names', () => {
    expect(describeCommand({ ...base, type: 'assign_commander', userId: 'dana' }, names)).toBe(
      'Make Dana Reyes commander of INC-4',
    );
    expect(describeCommand({ ...base, type: 'add_responder', userId: 'bob' }, names)).toBe(
      'Add Bob Okafor to INC-4',
    );
    expect(describeCommand({ ...base, type: 'remove_responder', userId: 'bob' }, names)).toBe(
      'Remove Bob Okafor from INC-4',
    );
  });

  it('keeps the id of someone with no known name', () => {
    expect(describeCommand({ ...base, type: 'add_responder', userId: 'zed' }, names)).toBe(
      'Add zed to INC-4',
    );
    expect(describeCommand({ ...base, type: 'add_responder', userId: 'zed' })).toBe('Add zed to INC-4');
  });
});
