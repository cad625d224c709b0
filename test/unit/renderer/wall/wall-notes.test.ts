import { describe, expect, it } from 'vitest';
import { SCREEN_MAY_SLEEP, wallNotes } from '../../../../renderer/wall/wall-notes';
import type { Session } from '../../../../shared/protocol';

const as = (role: Session['user']['role'], openMode = false): Session => ({
  user: { id: 'olive', name: 'Olive Nakamura', role },
  openMode,
});

describe('wallNotes', () => {
  it('says nothing for a viewer wall that keeps the screen awake', () => {
    expect(wallNotes([], 'held', as('viewer'), false)).toEqual([]);
  });

  it('warns that a wall signed in above viewer lets anyone passing act', () => {
    expect(wallNotes([], 'held', as('operator'), false)).toEqual([
      'This wall is signed in as Olive Nakamura (operator): anyone passing can act on incidents here. Give walls a viewer token.',
    ]);
  });

  it('says the screen may sleep when the browser refused or lacks the wake lock', () => {
    expect(wallNotes(['Unknown view "x"'], 'unsupported', as('viewer'), false)).toEqual([
      'Unknown view "x"',
      SCREEN_MAY_SLEEP,
    ]);
    expect(wallNotes([], 'refused', null, false)).toEqual([SCREEN_MAY_SLEEP]);
  });

  it('stays quiet in open local mode and in the desktop app, which keeps displays awake itself', () => {
    expect(wallNotes([], 'held', as('admin', true), false)).toEqual([]);
    expect(wallNotes([], null, as('commander'), true)).toEqual([]);
  });
});
