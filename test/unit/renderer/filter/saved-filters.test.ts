import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSavedFilters } from '../../../../renderer/filter/saved-filters';

// Saved filters read back from localStorage: whatever is there, the console starts.

describe('saved filters read back', () => {
  it('keeps well-formed filters in order', () => {
    const text = JSON.stringify({
      version: 1,
      filters: [
        { name: 'EU', query: 'label:region=eu-west' },
        { name: '__proto__', query: 'sev:critical' },
      ],
    });
    expect(parseSavedFilters(text)).toEqual([
      { name: 'EU', query: 'label:region=eu-west' },
      { name: '__proto__', query: 'sev:critical' },
    ]);
  });

  it('leaves out a filter that no longer parses, and ignores what is not its format', () => {
    const text = JSON.stringify({ version: 1, filters: [{ name: 'old', query: 'colour:red' }] });
    expect(parseSavedFilters(text)).toEqual([]);
    expect(parseSavedFilters('{not json')).toEqual([]);
    expect(parseSavedFilters(JSON.stringify({ version: 2, filters: [] }))).toEqual([]);
    expect(parseSavedFilters(null)).toEqual([]);
  });
});

/** localStorage as a browser keeps it: strings under keys. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** The module as a console starts it, over `storage`. */
async function consoleWith(storage: MemoryStorage) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  return import('../../../../renderer/filter/saved-filters');
}

describe('saving or deleting one filter loses none of the others', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the good ones usable and writes back, untouched, one this console cannot read', async () => {
    const storage = new MemoryStorage();
    const tooLong = { name: 'n'.repeat(81), query: 'team:payments' };
    const newerKey = { name: 'EU, newer console', query: 'region:eu' };
    storage.setItem(
      'sitroom.savedFilters',
      JSON.stringify({
        version: 1,
        filters: [{ name: 'sev1 not acked', query: 'sev:critical -acked' }, tooLong, newerKey],
      }),
    );
    const saved = await consoleWith(storage);
    expect(saved.useSavedFilters.getState().filters.map((filter) => filter.name)).toEqual(['sev1 not acked']);

    expect(saved.saveFilter('payments', 'team:payments')).toBeNull();
    saved.deleteSavedFilter('payments');
    const stored = JSON.parse(storage.getItem('sitroom.savedFilters') ?? 'null');
    expect(stored.filters).toEqual([
      { name: 'sev1 not acked', query: 'sev:critical -acked' },
      tooLong,
      newerKey,
    ]);
  });

  it('puts aside stored text it cannot read at all before saving over it', async () => {
    const storage = new MemoryStorage();
    const future = JSON.stringify({ version: 2, filters: [{ title: 'EU', where: { region: 'eu' } }] });
    storage.setItem('sitroom.savedFilters', future);
    const saved = await consoleWith(storage);
    expect(saved.saveFilter('payments', 'team:payments')).toBeNull();
    expect(storage.getItem('sitroom.savedFilters.unreadable')).toBe(future);
    expect(JSON.parse(storage.getItem('sitroom.savedFilters') ?? 'null').filters).toEqual([
      { name: 'payments', query: 'team:payments' },
    ]);
  });
});

describe('renaming a saved filter', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps its filter and its place, and refuses a name another filter has', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'sitroom.savedFilters',
      JSON.stringify({
        version: 1,
        filters: [
          { name: 'EU only', query: 'label:region=eu-west' },
          { name: 'sev1', query: 'sev:critical' },
        ],
      }),
    );
    const saved = await consoleWith(storage);
    expect(saved.renameSavedFilter('EU only', 'sev1')).toBe(
      'A saved filter is already called "sev1": delete or rename that one first.',
    );
    expect(saved.renameSavedFilter('EU only', '   ')).toBe('Give the filter a name.');
    expect(saved.renameSavedFilter('EU only', '  EU west ')).toBeNull();
    expect(JSON.parse(storage.getItem('sitroom.savedFilters') ?? 'null').filters).toEqual([
      { name: 'EU west', query: 'label:region=eu-west' },
      { name: 'sev1', query: 'sev:critical' },
    ]);
    expect(saved.renameSavedFilter('EU only', 'again')).toBe('No saved filter is called "EU only" any more.');
  });
});
