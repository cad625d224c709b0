import { describe, expect, it } from 'vitest';
import type { Command, CommandAnswer } from '../../../shared/commands';
import { Outbox, type OutboxState, type StoredOutbox } from '../../../shared/outbox';

// An operator's key must answer in the frame it was pressed in: the action shows as pending
// while its write to storage is still under way (5–15 ms in IndexedDB). It must still not leave
// for the hub before that write lands, nor may a later action overtake it.

const ack = (n: number): Command => ({
  commandId: `01J${String(n).padStart(23, '0')}`,
  type: 'acknowledge',
  incidentId: `INC-${n}`,
});

/** Storage whose writes land only when the test says so. */
function slowStore() {
  const writes: Array<{ outbox: StoredOutbox; land: () => void }> = [];
  return {
    writes,
    store: {
      loadOutbox: async (): Promise<StoredOutbox> => ({ entries: [] }),
      saveOutbox: (outbox: StoredOutbox) => new Promise<void>((land) => writes.push({ outbox, land })),
    },
  };
}

const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('an action in the outbox', () => {
  it('is shown as pending before its write lands, and sent only after it', async () => {
    const { store, writes } = slowStore();
    const sent: string[] = [];
    const shown: OutboxState[] = [];
    const outbox = new Outbox({
      store,
      send: async (command): Promise<CommandAnswer> => {
        sent.push(command.commandId);
        return { ok: true, seq: 1 };
      },
      onChange: (state) => shown.push(state),
    });
    const loading = outbox.load();
    await turns();
    writes.shift()?.land();
    await loading;
    outbox.setOnline(true);
    shown.length = 0;

    void outbox.enqueue(ack(1));
    // In the same turn as the key: shown, not yet stored, not sent.
    expect(shown.at(-1)?.pending.map((entry) => entry.command)).toEqual([ack(1)]);
    await turns();
    expect(writes).toHaveLength(1);
    expect(sent).toEqual([]);
    // The link comes back meanwhile (a reconnect kicks the outbox): still not sent.
    outbox.setOnline(true);
    await turns();
    expect(sent).toEqual([]);

    // A second action while the first is still being written: shown, and it waits its turn.
    void outbox.enqueue(ack(2));
    expect(shown.at(-1)?.pending.map((entry) => entry.command)).toEqual([ack(1), ack(2)]);
    await turns();
    expect(sent).toEqual([]);

    writes.shift()?.land();
    await turns(10);
    expect(sent).toEqual([ack(1).commandId]);
    expect(writes[0]?.outbox.entries.map((entry) => entry.command)).toEqual([ack(1), ack(2)]);
  });
});
