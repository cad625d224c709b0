import { describe, expect, it } from 'vitest';
import { storageTokenStore, TOKEN_STORAGE_KEY, takeTokenFromUrl } from '../../../../renderer/web/web-token';

function memoryStorage(refuseWrites = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('takeTokenFromUrl', () => {
  it('takes the kiosk token from the fragment, which no server ever sees, and leaves the rest alone', () => {
    expect(takeTokenFromUrl('http://hub:7420/?wall=1&view=board#token=wall-token')).toEqual({
      token: 'wall-token',
      cleanUrl: 'http://hub:7420/?wall=1&view=board',
      from: 'fragment',
    });
    expect(takeTokenFromUrl('http://hub:7420/#token=abc&other=1')?.cleanUrl).toBe('http://hub:7420/#other=1');
    expect(takeTokenFromUrl('http://hub:7420/?wall=1#board')).toBeNull();
  });

  it('still takes an old ?token=, saying where it came from, and prefers the fragment', () => {
    expect(takeTokenFromUrl('http://hub:7420/?token=old&wall=1')).toEqual({
      token: 'old',
      cleanUrl: 'http://hub:7420/?wall=1',
      from: 'query',
    });
    expect(takeTokenFromUrl('http://hub:7420/?token=old#token=new')).toMatchObject({
      token: 'new',
      cleanUrl: 'http://hub:7420/',
    });
  });
});

describe('storageTokenStore', () => {
  it('keeps the token under sitroom.token and forgets it on sign out', () => {
    const storage = memoryStorage();
    const store = storageTokenStore(storage);
    store.write('olive-token');
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('olive-token');
    expect(storageTokenStore(storage).read()).toBe('olive-token');
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('still works for this visit when the profile refuses to store anything', () => {
    const store = storageTokenStore(memoryStorage(true));
    store.write('olive-token');
    expect(store.read()).toBe('olive-token');
    expect(storageTokenStore(undefined).read()).toBeNull();
  });
});
