import { describe, expect, it } from 'vitest';
import { FALLBACK_SEVERITY, mapSeverity } from '../../../shared/severity';

describe('mapSeverity', () => {
  it.each([
    ['critical', 'sev1'],
    ['CRITICAL', 'sev1'],
    [' page ', 'sev1'],
    ['error', 'sev2'],
    ['high', 'sev2'],
    ['warning', 'sev3'],
    ['average', 'sev3'],
    ['info', 'sev4'],
    ['none', 'sev4'],
  ])('maps %s to %s', (word, expected) => {
    expect(mapSeverity(word)).toBe(expected);
  });

  it('falls back for unknown or missing words', () => {
    expect(mapSeverity('bananas')).toBe(FALLBACK_SEVERITY);
    expect(mapSeverity(undefined)).toBe(FALLBACK_SEVERITY);
  });

  it('uses a configured table instead of the default', () => {
    expect(mapSeverity('warning', { warning: 'sev2' })).toBe('sev2');
    expect(mapSeverity('critical', { warning: 'sev2' })).toBe(FALLBACK_SEVERITY);
  });
});
