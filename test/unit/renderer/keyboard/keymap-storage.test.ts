import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  KEYMAP_STORAGE_KEY,
  parseStoredKeymap,
  readKeymap,
  serializeKeymap,
  writeKeymap,
} from '../../../../renderer/keyboard/keymap-storage';

/** A Storage in memory, like localStorage. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => {
      values.delete(key);
    },
    setItem: (key, value) => {
      values.set(key, value);
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the saved keymap', () => {
  it('round-trips the operator’s keys', () => {
    const overrides = { 'incident.acknowledge': ['k'], 'view.board': ['g h'] };
    expect(parseStoredKeymap(serializeKeymap(overrides))).toEqual(overrides);
  });

  it('is empty when nothing was saved', () => {
    expect(parseStoredKeymap(null)).toEqual({});
  });

  it.each([
    ['not JSON', '{nope'],
    ['another shape', JSON.stringify({ 'incident.acknowledge': 'k' })],
    ['a newer version', JSON.stringify({ version: 2, keys: {} })],
    ['a key with stray spaces', JSON.stringify({ version: 1, keys: { 'incident.acknowledge': ['g  b'] } })],
    ['three keys in a sequence', JSON.stringify({ version: 1, keys: { 'incident.acknowledge': ['g b c'] } })],
    ['an empty key', JSON.stringify({ version: 1, keys: { 'incident.acknowledge': [''] } })],
  ])('ignores %s, with a warning', (_case, text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseStoredKeymap(text)).toEqual({});
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(KEYMAP_STORAGE_KEY));
  });

  it('is read from and written to storage, and removed when back to the defaults', () => {
    const storage = memoryStorage();
    expect(writeKeymap(storage, { 'incident.acknowledge': ['k'] })).toBe(true);
    expect(readKeymap(storage)).toEqual({ 'incident.acknowledge': ['k'] });
    writeKeymap(storage, {});
    expect(storage.getItem(KEYMAP_STORAGE_KEY)).toBeNull();
  });

  it('survives storage that throws, and no storage at all', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = memoryStorage();
    broken.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(readKeymap(broken)).toEqual({});
    expect(readKeymap(undefined)).toEqual({});
    expect(writeKeymap(undefined, { a: ['b'] })).toBe(false);
  });
});
