import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingMessages, ReplicaBatcher } from '../../../electron/replica/replica-batcher';
import { ReplicaFeeds, type ReplicaSource } from '../../../electron/replica/replica-feeds';
import type { ReplicaMessage } from '../../../shared/api';
import type { ConnectionState } from '../../../shared/connection';
import type { HubEvent } from '../../../shared/events';
import { Replica } from '../../../shared/replica';
import { createSocketTransport } from '../../../shared/socket-transport';

const acknowledged = (seq: number): HubEvent => ({
  type: 'incident_acknowledged',
  seq,
  at: 1_700_000_000_000 + seq,
  actor: { kind: 'user', id: 'dana' },
  incidentId: `inc-${seq}`,
});
const events = (...seqs: number[]): ReplicaMessage => ({ type: 'events', events: seqs.map(acknowledged) });
const connection = (status: ConnectionState['status']): ReplicaMessage => ({
  type: 'connection',
  connection: { status, since: 0, lastUpdateAt: null, cached: false },
});
const board = (seq: number): ReplicaMessage => ({ type: 'board', seq, incidents: {} });

describe('folding replica messages into one batch', () => {
  it('keeps every event, in order, in a single message', () => {
    const pending = new PendingMessages();
    pending.add(events(1, 2));
    pending.add(events(3));
    expect(pending.take()).toEqual([events(1, 2, 3)]);
    expect(pending.isEmpty).toBe(true);
  });

  it('lets a board replace everything before it, and keeps what follows', () => {
    const pending = new PendingMessages();
    pending.add(events(1));
    pending.add(board(5));
    pending.add(events(6));
    expect(pending.take()).toEqual([board(5), events(6)]);
  });

  it('keeps only the newest connection state, after board and events', () => {
    const pending = new PendingMessages();
    pending.add(connection('connecting'));
    pending.add(events(1));
    pending.add(connection('live'));
    expect(pending.take()).toEqual([events(1), connection('live')]);
  });

  it('takes a storm of 200,000 events without blowing the stack', () => {
    const pending = new PendingMessages();
    const storm = Array.from({ length: 200_000 }, (_, i) => acknowledged(i + 1));
    pending.add({ type: 'events', events: storm });
    const [only] = pending.take();
    expect(only?.type === 'events' && only.events.length).toBe(200_000);
  });
});

describe('the batcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one batch per frame however many messages arrive', () => {
    const sent: ReadonlyArray<ReplicaMessage>[] = [];
    const batcher = new ReplicaBatcher({ send: (batch) => sent.push(batch), intervalMs: 16 });
    for (let seq = 1; seq <= 1000; seq++) batcher.push(events(seq));
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]?.type === 'events' && sent[0][0].events.length).toBe(1000);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing after dispose', () => {
    const sent: ReadonlyArray<ReplicaMessage>[] = [];
    const batcher = new ReplicaBatcher({ send: (batch) => sent.push(batch) });
    batcher.push(events(1));
    batcher.dispose();
    batcher.push(events(2));
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
  });
});

describe('per-page feeds', () => {
  it('start each page from a fresh board and stop when the page leaves', () => {
    vi.useFakeTimers();
    const listeners = new Set<(message: ReplicaMessage) => void>();
    const source: ReplicaSource = {
      subscribe(listener) {
        listeners.add(listener);
        listener(board(3));
        return () => listeners.delete(listener);
      },
    };
    const feeds = new ReplicaFeeds(source, 16);
    const sent: Array<[number, ReadonlyArray<ReplicaMessage>]> = [];
    feeds.open(1, (batch) => sent.push([1, batch]));
    for (const listener of listeners) listener(events(4));
    // A reload: the page asks again; the pending batch is dropped for a new board.
    feeds.open(1, (batch) => sent.push([1, batch]));
    expect(listeners.size).toBe(1);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual([[1, [board(3)]]]);
    feeds.close(1);
    expect(listeners.size).toBe(0);
    expect(feeds.size).toBe(0);
    vi.useRealTimers();
  });

  it('give a page the real replica picture at once: board and connection in its first batch', async () => {
    // A real Replica whose hub is unreachable: the console still gets its board and its status.
    const replica = new Replica({
      clientId: 'test-console',
      transport: createSocketTransport({ hubUrl: 'http://127.0.0.1:9' }),
      storage: {
        load: async () => ({ hubId: 'hub-a', seq: 12, savedAt: 1, incidents: [] }),
        save: async () => {},
      },
    });
    await replica.start();
    const feeds = new ReplicaFeeds(replica, 16);
    const first = new Promise<ReadonlyArray<ReplicaMessage>>((resolve) => feeds.open(7, resolve));
    const batch = await first;
    expect(batch.map((message) => message.type)).toEqual(['board', 'connection']);
    expect(batch[0]?.type === 'board' && batch[0].seq).toBe(12);
    feeds.closeAll();
    replica.stop();
  });
});
