import { describe, expect, it } from 'vitest';
import type { Command, CommandAnswer } from '../../../shared/commands';
import { Outbox, type StoredOutbox } from '../../../shared/outbox';

// The console's worker reads the stored queue (IndexedDB) while pages can already reach it: an
// action taken during that read joins actions queued before the restart. Those are older, and
// the hub must get them first — "resolve INC-4" queued before a reload, then "reopen INC-4"
// after it, sent the other way round, leaves the incident resolved: the reopen is refused as
// "not resolved", then the resolve goes through.

const command = (n: number, type: 'set_status' | 'reopen'): Command =>
  type === 'reopen'
    ? { commandId: `01J${String(n).padStart(23, '0')}`, type, incidentId: 'INC-4' }
    : { commandId: `01J${String(n).padStart(23, '0')}`, type, incidentId: 'INC-4', status: 'resolved' };

describe('an action queued while the stored queue is being read', () => {
  it('goes after the actions stored before it, in the queue shown, stored and sent', async () => {
    const resolve = command(1, 'set_status');
    const reopen = command(2, 'reopen');
    let read: (stored: StoredOutbox) => void = () => {};
    const writes: StoredOutbox[] = [];
    const sent: string[] = [];
    const outbox = new Outbox({
      store: {
        loadOutbox: () => new Promise<StoredOutbox>((done) => (read = done)),
        saveOutbox: async (stored) => {
          writes.push(stored);
        },
      },
      send: async (sending): Promise<CommandAnswer> => {
        sent.push(sending.type);
        return { ok: true, seq: sent.length };
      },
      onChange: () => {},
      now: () => 2_000,
    });
    const loading = outbox.load();
    void outbox.enqueue(reopen);
    read({ entries: [{ command: resolve, queuedAt: 1_000, hubId: null, madeBy: null }] });
    await loading;

    expect(outbox.state().pending.map((entry) => entry.command.type)).toEqual(['set_status', 'reopen']);
    expect(writes.at(-1)?.entries.map((entry) => entry.command.type)).toEqual(['set_status', 'reopen']);
    outbox.setOnline(true);
    await new Promise((done) => setTimeout(done, 10));
    expect(sent).toEqual(['set_status', 'reopen']);
  });
});
