import { describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../../shared/commands';
import type { HubEvent } from '../../../shared/events';
import type { StoredOutbox } from '../../../shared/outbox';
import { applyEvents } from '../../../shared/reducer';
import { type BoardChanges, type CachedBoard, Replica } from '../../../shared/replica';
import { RESOLVED_RETENTION_MS } from '../../../shared/retention';
import { OUTBOX_FORMAT, parseStoredOutbox } from '../../../shared/schemas/outbox';
import { numbered, opened } from '../../support/fixtures';
import { flush, ScriptedLink } from '../../support/scripted-link';

// The replica's own rules, with a scripted link in place of socket.io: what it asks for on
// hello, how it treats duplicates and gaps, what it shows from cache. (Against a real hub: see
// test/integration/sync.test.ts.)

const events = (from: number, count: number): HubEvent[] =>
  numbered(
    Array.from({ length: count }, (_, i) => opened(`INC-${from + i}`)),
    from,
  );

describe('Replica', () => {
  it('skips events it already has and applies the rest in order', async () => {
    const link = new ScriptedLink();
    const replica = new Replica({ clientId: 'c', transport: link });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    link.handlers?.onEvents({ events: events(1, 3) });
    link.handlers?.onEvents({ events: events(2, 3) }); // 2 and 3 again, then 4
    expect(replica.state.seq).toBe(4);
    expect(Object.keys(replica.state.incidents)).toEqual(['INC-1', 'INC-2', 'INC-3', 'INC-4']);
  });

  it('asks again from its last seq when the stream has a gap', async () => {
    const link = new ScriptedLink();
    const replica = new Replica({ clientId: 'c', transport: link });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    link.handlers?.onEvents({ events: events(1, 2) });
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(3, 3) });
    link.handlers?.onEvents({ events: events(5, 1) }); // 3 and 4 are missing
    await flush();
    expect(link.hellos.at(-1)).toEqual({ clientId: 'c', hubId: 'hub-a', lastSeq: 2 });
    expect(replica.state.seq).toBe(5);
  });

  it('takes events held before its start that arrive twice (a catch-up and the stream) without a gap', async () => {
    // A hub answering a herd sends the events after a shared board as one batch, and the live
    // stream the console has just joined may then send some of them again: both can come before
    // the replica has begun from its answer (a busy console reads them in one go).
    const link = new ScriptedLink();
    const logs: string[] = [];
    const replica = new Replica({ clientId: 'c', transport: link, log: (line) => logs.push(line) });
    await replica.start();
    link.answer = () => {
      // Asked again (it saw a gap): answered by delta.
      link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(3, 4) });
      link.handlers?.onEvents({ events: events(3, 3) }); // the catch-up after the board: 3..5
      link.handlers?.onEvents({ events: events(4, 3) }); // the stream: 4..6
      return {
        kind: 'snapshot',
        snapshot: { hubId: 'hub-a', seq: 2, incidents: Object.values(applyEvents({}, events(1, 2))) },
      };
    };
    link.handlers?.onUp();
    await flush();
    expect(logs).toEqual([]);
    expect(link.hellos).toHaveLength(1);
    expect(replica.state.seq).toBe(6);
    expect(Object.keys(replica.state.incidents)).toHaveLength(6);
  });

  it('asks again, while the link stays up, after the hub refused to sync, and keeps no live events meanwhile', async () => {
    // The hub could not make its board (its answer says so). Before, the console stayed offline
    // on a link that was up, holding every live event, until the link dropped.
    const link = new ScriptedLink();
    const replica = new Replica({ clientId: 'c', transport: link, refusedRetryMs: 20 });
    await replica.start();
    link.answer = () => ({ kind: 'error', message: 'The hub could not send its board.' });
    link.handlers?.onUp();
    await flush();
    expect(replica.connectionState.status).toBe('offline');
    link.handlers?.onEvents({ events: events(1, 3) }); // the live stream it had already joined
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(1, 3) });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(link.hellos).toHaveLength(2);
    expect(replica.connectionState.status).toBe('live');
    expect(replica.state.seq).toBe(3);
    replica.stop();
  });

  it('does not ask again after a refusal once the link is down (reconnecting asks anew)', async () => {
    const link = new ScriptedLink();
    const replica = new Replica({ clientId: 'c', transport: link, refusedRetryMs: 20 });
    await replica.start();
    link.answer = () => ({ kind: 'error', message: 'The hub could not send its board.' });
    link.handlers?.onUp();
    await flush();
    link.handlers?.onDown(null);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(link.hellos).toHaveLength(1);
    replica.stop();
  });

  it('shows the cached board at once, marked cached, and resumes from its seq', async () => {
    const link = new ScriptedLink();
    const cached: CachedBoard = { hubId: 'hub-a', seq: 7, savedAt: 1234, incidents: [] };
    const replica = new Replica({
      clientId: 'c',
      transport: link,
      storage: { load: async () => cached, save: async () => {} },
    });
    await replica.start();
    expect(replica.connectionState).toMatchObject({ cached: true, lastUpdateAt: 1234 });
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: [] });
    link.handlers?.onUp();
    await flush();
    expect(link.hellos[0]).toEqual({ clientId: 'c', hubId: 'hub-a', lastSeq: 7 });
    expect(replica.connectionState).toMatchObject({ status: 'live', cached: false });
  });

  it('discards an unreadable cache instead of failing to start', async () => {
    const logs: string[] = [];
    const link = new ScriptedLink();
    const replica = new Replica({
      clientId: 'c',
      transport: link,
      storage: { load: async () => Promise.reject(new Error('bad JSON')), save: async () => {} },
      log: (line) => logs.push(line),
    });
    await replica.start();
    expect(replica.state.seq).toBe(0);
    expect(logs).toEqual(['discarding unreadable cache: Error: bad JSON']);
  });
});

describe('Replica outbox', () => {
  it('confirms an action at once when the events it caused are already on the board', async () => {
    // Another tab sent the same commandId first: its event arrived before this console's answer.
    const link = new ScriptedLink();
    let answer: (value: CommandAnswer) => void = () => undefined;
    link.command = () =>
      new Promise<CommandAnswer>((resolve) => {
        answer = resolve;
      });
    const replica = new Replica({ clientId: 'c', transport: link });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    link.handlers?.onEvents({ events: events(1, 1) });
    const sent = replica.sendCommand({
      commandId: '01J0000000000000000000000A',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    await flush();
    link.handlers?.onEvents({ events: events(2, 1) }); // the other tab's acknowledgement, seq 2
    answer({ ok: true, seq: 2 });
    await sent;
    await flush();
    expect(replica.outboxState.pending).toEqual([]);
  });
});

describe('Replica outbox across a resync', () => {
  it('confirms an accepted action from the snapshot that holds its events, with no live batch after it', async () => {
    // The hub said yes, then the link dropped before the events came; the hub answers the
    // reconnect with a snapshot (it was too far behind for a delta). A quiet hub sends nothing
    // more: the snapshot is all the proof there will be.
    const link = new ScriptedLink();
    link.command = () => Promise.resolve({ ok: true, seq: 2 });
    const replica = new Replica({ clientId: 'c', transport: link });
    await replica.start();
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(1, 1) });
    link.handlers?.onUp();
    await flush();
    await replica.sendCommand({
      commandId: '01J0000000000000000000000B',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    expect(replica.outboxState.pending).toHaveLength(1); // accepted, its events not seen yet
    link.handlers?.onDown(null);
    link.answer = () => ({
      kind: 'snapshot',
      snapshot: { hubId: 'hub-a', seq: 2, incidents: [] },
    });
    link.handlers?.onUp();
    await flush();
    expect(replica.outboxState.pending).toEqual([]);
  });

  it('keeps the hub an action was made on across a restart, and does not send it to another', async () => {
    // The outbox as storage would hand it back: through JSON and the stored-outbox schema.
    let stored: unknown;
    const storage = {
      load: async (): Promise<CachedBoard | null> => ({ hubId: 'hub-a', seq: 1, savedAt: 1, incidents: [] }),
      save: async () => {},
      loadOutbox: async () => parseStoredOutbox(JSON.parse(JSON.stringify(stored ?? null))),
      saveOutbox: async (outbox: StoredOutbox) => {
        stored = { format: OUTBOX_FORMAT, ...outbox };
      },
    };
    const offline = new ScriptedLink();
    const before = new Replica({ clientId: 'c', transport: offline, storage });
    await before.start();
    void before.sendCommand({
      commandId: '01J0000000000000000000000C',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    await before.whenStored();
    before.stop();

    const sent: string[] = [];
    const link = new ScriptedLink();
    link.command = () => {
      sent.push('a command');
      return Promise.resolve({ ok: true, seq: 1 });
    };
    link.answer = () => ({ kind: 'snapshot', snapshot: { hubId: 'hub-b', seq: 0, incidents: [] } });
    const after = new Replica({ clientId: 'c', transport: link, storage });
    await after.start();
    link.handlers?.onUp();
    await flush();
    expect(sent).toEqual([]);
    expect(after.outboxState.pending).toEqual([]);
    expect(after.outboxState.rejected).toMatchObject([
      { command: { commandId: '01J0000000000000000000000C' }, error: { code: 'conflict' } },
    ]);
  });
});

describe('Replica outbox and who is signed in', () => {
  /** Storage as a file on disk hands it back: through JSON and the stored-outbox schema. */
  function diskLike() {
    let stored: unknown;
    return {
      load: async (): Promise<CachedBoard | null> => null,
      save: async () => {},
      loadOutbox: async () => parseStoredOutbox(JSON.parse(JSON.stringify(stored ?? null))),
      saveOutbox: async (outbox: StoredOutbox) => {
        stored = { format: OUTBOX_FORMAT, ...outbox };
      },
    };
  }

  /** Dana's console, synced, then offline with her acknowledgement queued; stored and restarted. */
  async function queuedByDana(storage: ReturnType<typeof diskLike>) {
    const link = new ScriptedLink();
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(1, 1), userId: 'dana' });
    const before = new Replica({ clientId: 'c', transport: link, storage });
    await before.start();
    link.handlers?.onUp();
    await flush();
    link.handlers?.onDown(null);
    void before.sendCommand({
      commandId: '01J0000000000000000000000D',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    await before.whenStored();
    before.stop();
    const sent: string[] = [];
    const after = new ScriptedLink();
    after.command = (command) => {
      sent.push(command.commandId);
      return Promise.resolve({ ok: true, seq: 2 });
    };
    return { sent, link: after };
  }

  it('does not send an action queued by one person once another is signed in, and says why', async () => {
    const storage = diskLike();
    const { sent, link } = await queuedByDana(storage);
    // Dana signed out while the hub was away; Eve signed in: the hub lets the console in as Eve.
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: [], userId: 'eve' });
    const replica = new Replica({ clientId: 'c', transport: link, storage });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    expect(sent).toEqual([]);
    expect(replica.outboxState.pending).toEqual([]);
    const [refusal] = replica.outboxState.rejected;
    expect(refusal?.error.code).toBe('conflict');
    expect(refusal?.error.message).toContain('dana queued this on INC-1');
    expect(refusal?.error.message).toContain('eve is signed in now');
  });

  it('sends it when the person who queued it is the one signed in', async () => {
    const storage = diskLike();
    const { sent, link } = await queuedByDana(storage);
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: [], userId: 'dana' });
    const replica = new Replica({ clientId: 'c', transport: link, storage });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    expect(sent).toEqual(['01J0000000000000000000000D']);
    expect(replica.outboxState.rejected).toEqual([]);
  });

  it('forgets who it acts as when the token changes, so what is done next is not put on the last person', async () => {
    const link = new ScriptedLink();
    const commands: string[] = [];
    link.command = (command) => {
      commands.push(command.commandId);
      return Promise.resolve({ ok: true, seq: 2 });
    };
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(1, 1), userId: 'dana' });
    const replica = new Replica({ clientId: 'c', transport: link });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    link.handlers?.onDown(null);
    replica.credentialsChanged(); // Dana signed out; nobody the hub has named yet
    expect(link.reconnects).toBe(1);
    void replica.sendCommand({
      commandId: '01J0000000000000000000000E',
      type: 'acknowledge',
      incidentId: 'INC-1',
    });
    expect(replica.outboxState.pending[0]?.madeBy).toBeNull();
  });
});

describe('Replica cache writes', () => {
  it('write the whole board after a snapshot, then only the incidents touched or let go of', async () => {
    const link = new ScriptedLink();
    const writes: BoardChanges[] = [];
    let now = 1_000;
    const replica = new Replica({
      clientId: 'c',
      transport: link,
      now: () => now,
      storage: {
        load: async () => null,
        save: async () => {
          throw new Error('a storage that takes changes is never written whole');
        },
        saveChanges: async (changes) => {
          writes.push(changes);
        },
      },
    });
    await replica.start();
    link.handlers?.onUp();
    await flush();
    link.handlers?.onEvents({ events: events(1, 3) });
    replica.persistNow();
    expect(writes.at(-1)).toMatchObject({ whole: true, removed: [] });
    expect(writes.at(-1)?.incidents.map((incident) => incident.id)).toEqual(['INC-1', 'INC-2', 'INC-3']);

    link.handlers?.onEvents({
      events: numbered(
        [
          {
            type: 'incident_resolved',
            incidentId: 'INC-2',
            at: now,
            actor: { kind: 'system' },
            reason: 'manual',
          },
        ],
        4,
      ),
    });
    replica.persistNow();
    expect(writes.at(-1)).toMatchObject({ whole: false, removed: [], seq: 4 });
    expect(writes.at(-1)?.incidents.map((incident) => incident.id)).toEqual(['INC-2']);

    now += 2 * RESOLVED_RETENTION_MS;
    link.handlers?.onEvents({ events: events(5, 1) });
    replica.persistNow();
    expect(writes.at(-1)).toMatchObject({ whole: false, removed: ['INC-2'] });
    expect(writes.at(-1)?.incidents.map((incident) => incident.id)).toEqual(['INC-5']);
    replica.stop();
  });
});

describe('Replica fingerprints', () => {
  it("takes a fresh snapshot when its board differs from the hub's fingerprint, and ignores an older hub's checkpoint", async () => {
    const link = new ScriptedLink();
    const replica = new Replica({ clientId: 'c', transport: link });
    await replica.start();
    link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: events(1, 2) });
    link.handlers?.onUp();
    await flush();
    expect(replica.state.seq).toBe(2);
    // A hub before fingerprints sent `checkpoint`, made another way: not compared, no resync.
    link.handlers?.onEvents({ events: events(3, 1), checkpoint: { seq: 3, checksum: 'older' } } as never);
    await flush();
    expect(replica.verification).toBeNull();
    expect(link.hellos).toHaveLength(1);
    // The same seq, but not the same board: start over from a snapshot.
    link.answer = () => ({ kind: 'snapshot', snapshot: { hubId: 'hub-a', seq: 4, incidents: [] } });
    link.handlers?.onEvents({
      events: events(4, 1),
      fingerprint: { seq: 4, checksum: '4:0000000000000000' },
    });
    await flush();
    expect(replica.verification).toEqual({ seq: 4, match: false });
    expect(link.hellos.at(-1)).toEqual({ clientId: 'c', hubId: null, lastSeq: 0 });
    expect(replica.state.incidents).toEqual({});
  });
});
