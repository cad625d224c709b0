import { describe, expect, it } from 'vitest';
import { connectBoard } from '../../../../renderer/state/connect-board';
import type { ReplicaMessage, SitroomApi } from '../../../../shared/api';
import { unusedApi } from '../fake-api';
import { incidentEvents } from '../incident-fixtures';

/** A host that lets the test play replica messages, as the preload bridge or web host would. */
function scriptedHost() {
  const listeners = new Set<(message: ReplicaMessage) => void>();
  const api: SitroomApi = unusedApi({
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const send = (message: ReplicaMessage) => {
    for (const listener of listeners) listener(message);
  };
  return { api, send, listenerCount: () => listeners.size };
}

describe('connectBoard', () => {
  it('hands the store one batch per frame however many messages the replica sent', () => {
    const host = scriptedHost();
    const frames: Array<() => void> = [];
    const batches: ReadonlyArray<ReplicaMessage>[] = [];
    connectBoard(
      host.api,
      (messages) => batches.push(messages),
      (callback) => frames.push(callback),
    );
    host.send({ type: 'board', seq: 0, incidents: {} });
    for (let i = 0; i < 100; i++)
      host.send({ type: 'events', events: incidentEvents({ id: `i${i}` }, 1 + 2 * i) });
    expect(batches).toHaveLength(0);
    for (const frame of frames.splice(0)) frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(101);
  });

  it('stops listening when unsubscribed', () => {
    const host = scriptedHost();
    const unsubscribe = connectBoard(
      host.api,
      () => {},
      () => {},
    );
    expect(host.listenerCount()).toBe(1);
    unsubscribe();
    expect(host.listenerCount()).toBe(0);
  });
});
