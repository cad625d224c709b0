import { describe, expect, it } from 'vitest';
import type { Command, CommandAnswer } from '../../../shared/commands';
import { MAX_KEPT_REFUSALS, Outbox, type OutboxState, type StoredOutbox } from '../../../shared/outbox';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../../shared/schemas/outbox';

// A refusal is part of what the outbox stores until the operator dismisses it: an action refused
// just before a reload or a restart must not look, after it, as if it went through.

/** Storage as a file on disk hands it back: through JSON and the stored-outbox schema. */
function diskLike(initial: unknown = null) {
  const disk = { raw: JSON.stringify(initial) };
  return {
    disk,
    store: {
      loadOutbox: async () => parseStoredOutbox(JSON.parse(disk.raw)),
      saveOutbox: async (outbox: StoredOutbox) => {
        disk.raw = JSON.stringify({ format: OUTBOX_FORMAT, ...outbox });
      },
    },
  };
}

const ack = (n: number): Command => ({
  commandId: `01J${String(n).padStart(23, '0')}`,
  type: 'acknowledge',
  incidentId: `INC-${n}`,
});

const refused = (message: string): CommandAnswer => ({ ok: false, error: { code: 'conflict', message } });

async function opened(
  store: ReturnType<typeof diskLike>['store'],
  send: (command: Command) => Promise<CommandAnswer> = async () => refused('no'),
) {
  let state: OutboxState | null = null;
  const outbox = new Outbox({ send, store, onChange: (next) => (state = next) });
  await outbox.load();
  return { outbox, state: () => state ?? outbox.state() };
}

describe('refusals in the stored outbox', () => {
  it('are stored when the hub refuses, and shown again by the next outbox on the same storage', async () => {
    const { store } = diskLike();
    const before = await opened(store, async () => refused('INC-1 was already resolved by dana'));
    before.outbox.setOnline(true);
    const answer = await before.outbox.enqueue(ack(1));
    expect(answer.ok).toBe(false);
    await before.outbox.whenStored();
    before.outbox.stop();

    const after = await opened(store);
    expect(after.state().pending).toEqual([]);
    expect(after.state().rejected).toMatchObject([
      { command: ack(1), error: { code: 'conflict', message: 'INC-1 was already resolved by dana' } },
    ]);
  });

  it('are gone for good once dismissed', async () => {
    const { store } = diskLike();
    const before = await opened(store);
    before.outbox.setOnline(true);
    await before.outbox.enqueue(ack(1));
    await before.outbox.enqueue(ack(2));
    before.outbox.dismissRejected(ack(1).commandId);
    await before.outbox.whenStored();
    before.outbox.stop();

    const after = await opened(store);
    expect(after.state().rejected.map((rejection) => rejection.command)).toEqual([ack(2)]);
    after.outbox.dismissRejected(ack(2).commandId);
    await after.outbox.whenStored();
    after.outbox.stop();
    expect((await opened(store)).state().rejected).toEqual([]);
  });

  it('loads what an older console stored (no refusals) and sends its unsent actions', async () => {
    const { store } = diskLike({ format: 1, entries: [{ command: ack(7), queuedAt: 1 }] });
    const sent: string[] = [];
    const { outbox, state } = await opened(store, async (command) => {
      sent.push(command.commandId);
      return { ok: true, seq: 1 };
    });
    expect(state().pending.map((entry) => entry.command)).toEqual([ack(7)]);
    expect(state().rejected).toEqual([]);
    outbox.setOnline(true);
    await expect.poll(() => sent).toEqual([ack(7).commandId]);
  });

  it('keeps the unsent actions when the stored refusals are corrupt, and says one was lost', async () => {
    const { store } = diskLike({
      format: 1,
      entries: [{ command: ack(7), queuedAt: 1 }],
      rejected: { oops: 1 },
    });
    const { state } = await opened(store);
    expect(state().pending.map((entry) => entry.command)).toEqual([ack(7)]);
    expect(state().rejected).toEqual([]);
    expect(state().rejectedDropped).toBe(1);
  });

  it(`keeps the newest ${MAX_KEPT_REFUSALS}, counts the older ones let go of, and forgets the count once all are dismissed`, async () => {
    const { store } = diskLike();
    const before = await opened(store);
    before.outbox.setOnline(true);
    for (let n = 1; n <= MAX_KEPT_REFUSALS + 3; n += 1) await before.outbox.enqueue(ack(n));
    await before.outbox.whenStored();
    before.outbox.stop();

    const after = await opened(store);
    const { rejected, rejectedDropped } = after.state();
    expect(rejected).toHaveLength(MAX_KEPT_REFUSALS);
    expect(rejected[0]?.command).toEqual(ack(4));
    expect(rejected.at(-1)?.command).toEqual(ack(MAX_KEPT_REFUSALS + 3));
    expect(rejectedDropped).toBe(3);
    for (const rejection of rejected) after.outbox.dismissRejected(rejection.command.commandId);
    expect(after.state().rejectedDropped).toBe(0);
    await after.outbox.whenStored();
    after.outbox.stop();
    expect((await opened(store)).state()).toMatchObject({ rejected: [], rejectedDropped: 0 });
  });
});
