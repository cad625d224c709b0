import { describe, expect, it } from 'vitest';
import { persistentClientId } from '../../../../renderer/web/client-id';

/** An in-memory Storage, optionally one that refuses writes like a full or locked-down profile. */
function memoryStorage(options: { readonly refuseWrites?: boolean } = {}): Storage {
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
      if (options.refuseWrites) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('persistentClientId', () => {
  it('creates an id once and returns the same one after a reload', () => {
    const storage = memoryStorage();
    const first = persistentClientId(storage);
    expect(first).toMatch(/^web-[0-9a-f]{32}$/);
    expect(persistentClientId(storage)).toBe(first);
  });

  it('gives different browsers different ids', () => {
    expect(persistentClientId(memoryStorage())).not.toBe(persistentClientId(memoryStorage()));
  });

  it('still gives an id when the profile refuses to store one', () => {
    expect(persistentClientId(memoryStorage({ refuseWrites: true }))).toMatch(/^web-/);
  });
});
