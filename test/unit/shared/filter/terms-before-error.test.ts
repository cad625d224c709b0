import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../shared/filter/parse-filter';
import { termsBeforeError } from '../../../../shared/filter/terms-before-error';

// What the board applies while the bar's text has an error: the whole terms before it.

function applied(text: string): string {
  const parsed = parseFilter(text);
  if (parsed.ok) throw new Error(`"${text}" parses`);
  return termsBeforeError(text, parsed.error);
}

describe('termsBeforeError', () => {
  it('applies nothing while the first term is half typed', () => {
    expect(applied('sev:')).toBe('');
    expect(applied('sev:x')).toBe('');
    expect(applied('sev:1 team:storefront')).toBe('');
  });

  it('keeps the whole terms before the broken one', () => {
    expect(applied('team:storefront sev:')).toBe('team:storefront');
    expect(applied('sev:critical colour:red')).toBe('sev:critical');
    expect(applied('is:unacked  team:storefront   status:nope db')).toBe('is:unacked  team:storefront');
  });

  it('does not cut inside a quoted value', () => {
    expect(applied('team:sre "disk full status:')).toBe('team:sre');
    expect(applied('label:"zone=eu west 1" sev:x')).toBe('label:"zone=eu west 1"');
  });

  it('gives a prefix of whole terms that parses, for any text that does not', () => {
    const text = fc.stringMatching(/^[a-z :,"=\-*]{1,40}$/);
    fc.assert(
      fc.property(text, (source) => {
        const parsed = parseFilter(source);
        if (parsed.ok) return;
        const kept = termsBeforeError(source, parsed.error);
        expect(source.startsWith(kept)).toBe(true);
        expect(kept.length).toBeLessThanOrEqual(parsed.error.offset);
        expect(kept === '' || parseFilter(kept).ok).toBe(true);
        // It ends where a term ends: at the end of the text's next space run.
        expect(kept === '' || /\s/.test(source[kept.length] ?? '')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
