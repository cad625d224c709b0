import { describe, expect, it } from 'vitest';
import type { Command, CommandAnswer } from '../../../shared/commands';
import { Outbox } from '../../../shared/outbox';

// The outbox tells its listener (the replica's feeds) an action is pending before the action's
// write lands. If telling it fails, that is the listener's trouble: the action is still written
// and sent, and it must not hold back every action queued after it (an action still being
// written holds back the rest) until the console restarts.

const ack = (n: number): Command => ({
  commandId: `01J${String(n).padStart(23, '0')}`,
  type: 'acknowledge',
  incidentId: `INC-${n}`,
});

describe('an outbox whose listener fails once', () => {
  it('still stores and sends that action, and the ones after it', async () => {
    const sent: string[] = [];
    const logged: string[] = [];
    let failNext = false;
    const outbox = new Outbox({
      store: { loadOutbox: async () => ({ entries: [] }), saveOutbox: async () => {} },
      send: async (command): Promise<CommandAnswer> => {
        sent.push(command.incidentId);
        return { ok: true, seq: sent.length };
      },
      onChange: () => {
        if (!failNext) return;
        failNext = false;
        throw new Error('a feed failed');
      },
      log: (message) => logged.push(message),
    });
    await outbox.load();
    outbox.setOnline(true);

    failNext = true;
    await expect(outbox.enqueue(ack(1))).resolves.toEqual({ ok: true, seq: 1 });
    await expect(outbox.enqueue(ack(2))).resolves.toEqual({ ok: true, seq: 2 });
    expect(sent).toEqual(['INC-1', 'INC-2']);
    expect(logged).toEqual(['an outbox listener failed: Error: a feed failed']);
  }, 2_000);

  it('still answers, and sends the next, when it fails as an answer comes', async () => {
    const sent: string[] = [];
    let failAt = -1;
    let changes = 0;
    const outbox = new Outbox({
      store: { loadOutbox: async () => ({ entries: [] }), saveOutbox: async () => {} },
      send: async (command): Promise<CommandAnswer> => {
        sent.push(command.incidentId);
        // Fails on the change that comes with this answer.
        failAt = changes + 1;
        return { ok: true, seq: sent.length };
      },
      onChange: () => {
        changes += 1;
        if (changes === failAt) throw new Error('a feed failed');
      },
    });
    await outbox.load();
    outbox.setOnline(true);
    const first = outbox.enqueue(ack(1));
    const second = outbox.enqueue(ack(2));
    await expect(first).resolves.toEqual({ ok: true, seq: 1 });
    await expect(second).resolves.toEqual({ ok: true, seq: 2 });
    expect(sent).toEqual(['INC-1', 'INC-2']);
  }, 2_000);
});
