import { describe, expect, it } from 'vitest';
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

  it('drops a filter that no longer parses, and ignores what is not its format', () => {
    const text = JSON.stringify({ version: 1, filters: [{ name: 'old', query: 'colour:red' }] });
    expect(parseSavedFilters(text)).toEqual([]);
    expect(parseSavedFilters('{not json')).toEqual([]);
    expect(parseSavedFilters(JSON.stringify({ version: 2, filters: [] }))).toEqual([]);
    expect(parseSavedFilters(null)).toEqual([]);
  });
});
