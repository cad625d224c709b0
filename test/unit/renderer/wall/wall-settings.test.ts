import { describe, expect, it } from 'vitest';
import { DEFAULT_DWELL_MS, readWallSettings, wallScale } from '../../../../renderer/wall/wall-settings';

describe('readWallSettings', () => {
  it('is null for a console that is not a wall', () => {
    expect(readWallSettings('')).toBeNull();
    expect(readWallSettings('?view=board')).toBeNull();
    expect(readWallSettings('?wall=0')).toBeNull();
    expect(readWallSettings('?wall=false')).toBeNull();
  });

  it('shows the board, without rotation or sound, when the address says only wall=1', () => {
    expect(readWallSettings('?wall=1')).toEqual({
      views: ['board'],
      dwellMs: DEFAULT_DWELL_MS,
      sound: [],
      scale: null,
      problems: [],
    });
  });

  it('starts on `view` and then rotates through `rotate`, each view once, in the order given', () => {
    const settings = readWallSettings('?wall=1&view=map&rotate=board, escalations,map,statistics&dwell=45');
    expect(settings?.views).toEqual(['map', 'board', 'escalations', 'statistics']);
    expect(settings?.dwellMs).toBe(45_000);
    expect(settings?.problems).toEqual([]);
  });

  it('names every part of the address it does not understand and carries on with the rest', () => {
    const settings = readWallSettings('?wall=1&rotate=board,boardd&dwell=2&sound=sev1,sev3&scale=9');
    expect(settings?.views).toEqual(['board']);
    expect(settings?.dwellMs).toBe(DEFAULT_DWELL_MS);
    expect(settings?.sound).toEqual(['sev1']);
    expect(settings?.scale).toBeNull();
    expect(settings?.problems).toEqual([
      'Unknown view "boardd" (use board, escalations, map, statistics).',
      'dwell must be seconds between 5 and 3600; using 30.',
      'sound takes sev1, sev2 or off, not "sev3".',
      'scale must be between 0.5 and 4, or auto; scaling with the screen.',
    ]);
  });

  it('names a filter it cannot read: the wall then shows every incident, not the slice asked for', () => {
    // A team's wall with a typo would otherwise pass for that team's wall while showing the room.
    expect(readWallSettings('?wall=1&filter=team%3Apayments')?.problems).toEqual([]);
    expect(readWallSettings('?wall=1&filter=sev%3Ablue')?.problems).toEqual([
      'filter "sev:blue" is not understood, so every open incident is shown: at character 5: Unknown severity "blue": use critical, major, minor, info (or sev1…sev4).',
    ]);
  });

  it('sounds only for the severities asked for; off and empty mean silence', () => {
    expect(readWallSettings('?wall=1&sound=SEV2')?.sound).toEqual(['sev2']);
    expect(readWallSettings('?wall=1&sound=off')?.sound).toEqual([]);
    expect(readWallSettings('?wall=1&sound=')?.sound).toEqual([]);
  });
});

describe('wallScale', () => {
  it('grows with the screen: 1.25× at full HD, 2.5× at 4K, never below the laptop size', () => {
    expect(wallScale({ scale: null }, 1920)).toBe(1.25);
    expect(wallScale({ scale: null }, 3840)).toBe(2.5);
    expect(wallScale({ scale: null }, 1024)).toBe(1);
  });

  it('uses the scale the address fixes', () => {
    expect(wallScale({ scale: 1.5 }, 3840)).toBe(1.5);
  });
});
