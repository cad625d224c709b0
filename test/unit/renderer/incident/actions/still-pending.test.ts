import { describe, expect, it } from 'vitest';
import { stillPendingText } from '../../../../../renderer/incident/actions/still-pending';

// What a second press of an action's key says while its command is on its way: the command as the
// outbox names it, people by the names the operator knows, and whether it is sending or queued.

const names = (id: string): string => (id === 'bob' ? 'Bob Okafor' : id);
const add = {
  commandId: '01JDZ3QXMHB0Y8V9N8N6X5W4T3',
  incidentId: 'INC-12',
  type: 'add_responder',
  userId: 'bob',
} as const;

describe('an action still on its way', () => {
  it('is said to be still being sent while the hub is there', () => {
    expect(stillPendingText(add, names, true)).toBe(
      '“Add Bob Okafor to INC-12” is still being sent: wait for the hub’s answer.',
    );
  });

  it('is said to be queued while the hub is away', () => {
    expect(stillPendingText({ ...add, type: 'remove_responder' }, names, false)).toBe(
      '“Remove Bob Okafor from INC-12” is still queued: it goes out when the hub is back.',
    );
  });
});
