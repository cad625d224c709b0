import { describe, expect, it } from 'vitest';
import { connectBoard } from '../../../../renderer/state/connect-board';
import type { SitroomApi } from '../../../../shared/api';
import type { BoardPatch } from '../../../../shared/feed/patch';
import { BOARD_VIEW } from '../../../../shared/feed/projection';
import { unusedApi } from '../fake-api';
import { row } from '../incident-fixtures';

/** A host that lets the test play batches of patches, as the preload bridge or worker client would. */
function scriptedHost() {
  const listeners = new Set<(batch: ReadonlyArray<BoardPatch>) => void>();
  const api: SitroomApi = unusedApi({
    subscribe(listener) {
      listeners.add(listener);
      return { setView: () => {}, close: () => listeners.delete(listener) };
    },
  });
  const send = (batch: ReadonlyArray<BoardPatch>) => {
    for (const listener of listeners) listener(batch);
  };
  return { api, send, listenerCount: () => listeners.size };
}

describe('connectBoard', () => {
  it('hands the store one batch per frame however many batches the host sent', () => {
    const host = scriptedHost();
    const frames: Array<() => void> = [];
    const batches: ReadonlyArray<BoardPatch>[] = [];
    connectBoard(
      host.api,
      (patches) => batches.push(patches),
      (callback) => frames.push(callback),
      BOARD_VIEW,
    );
    host.send([{ kind: 'reset', seq: 0, rows: [] }]);
    for (let i = 0; i < 100; i++)
      host.send([{ kind: 'rows', seq: i + 1, changed: [row({ id: `i${i}` })], removed: [] }]);
    expect(batches).toHaveLength(0);
    for (const frame of frames.splice(0)) frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(101);
  });

  it('stops listening when its feed is closed', () => {
    const host = scriptedHost();
    const feed = connectBoard(
      host.api,
      () => {},
      () => {},
      BOARD_VIEW,
    );
    expect(host.listenerCount()).toBe(1);
    feed.close();
    expect(host.listenerCount()).toBe(0);
  });
});
