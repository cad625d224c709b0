import { describe, expect, it } from 'vitest';
import { exportTimeZones } from '../../../../../renderer/incident/dialogs/time-zones';

describe('exportTimeZones', () => {
  it('offers UTC first, then the console’s own zone, each zone once', () => {
    const zones = exportTimeZones('Europe/Paris');
    expect(zones[0]).toBe('UTC');
    expect(zones[1]).toBe('Europe/Paris');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('adds an uncommon browser zone and skips a UTC alias', () => {
    expect(exportTimeZones('America/Halifax')).toContain('America/Halifax');
    expect(exportTimeZones('Etc/UTC').filter((zone) => zone.includes('UTC'))).toEqual(['UTC']);
    expect(exportTimeZones(undefined)[0]).toBe('UTC');
  });
});
