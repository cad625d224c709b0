import { describe, expect, it } from 'vitest';
import {
  INTERACTION_PAUSE_MS,
  type RotationInput,
  stepRotation,
} from '../../../../renderer/wall/wall-rotation';

const VIEWS = ['board', 'escalations', 'map'] as const;
const DWELL = 30_000;

function input(now: number, extra: Partial<RotationInput> = {}): RotationInput {
  return { views: VIEWS, dwellMs: DWELL, now, lastInteractionAt: null, interrupted: false, ...extra };
}

describe('stepRotation', () => {
  it('keeps a view for its dwell, then moves to the next, wrapping round', () => {
    let state = { index: 0, since: 0 };
    const seen: string[] = [];
    for (let now = 0; now <= 100_000; now += 1000) {
      const step = stepRotation(state, input(now));
      state = step.state;
      if (seen.at(-1) !== step.view) seen.push(step.view);
    }
    expect(seen).toEqual(['board', 'escalations', 'map', 'board']);
  });

  it('says when the next view comes', () => {
    const step = stepRotation({ index: 1, since: 10_000 }, input(25_000));
    expect(step).toMatchObject({ view: 'escalations', mode: 'rotating', nextAt: 40_000 });
  });

  it('holds on the board while interrupted, and gives the board a full dwell after', () => {
    const held = stepRotation({ index: 2, since: 0 }, input(50_000, { interrupted: true }));
    expect(held).toMatchObject({ view: 'board', mode: 'interrupted', nextAt: null });
    const after = stepRotation(held.state, input(51_000));
    expect(after).toMatchObject({ view: 'board', mode: 'rotating', nextAt: 50_000 + DWELL });
  });

  it('an interrupt wins over someone using the wall', () => {
    const step = stepRotation(
      { index: 1, since: 0 },
      input(5000, { interrupted: true, lastInteractionAt: 4000 }),
    );
    expect(step.mode).toBe('interrupted');
  });

  it('pauses while someone is using the wall and resumes a dwell after they stop', () => {
    const paused = stepRotation({ index: 1, since: 0 }, input(45_000, { lastInteractionAt: 40_000 }));
    expect(paused).toMatchObject({
      view: 'escalations',
      mode: 'paused',
      nextAt: 40_000 + INTERACTION_PAUSE_MS + DWELL,
    });
    const resumed = stepRotation(
      paused.state,
      input(40_000 + INTERACTION_PAUSE_MS, { lastInteractionAt: 40_000 }),
    );
    expect(resumed.view).toBe('escalations');
    expect(resumed.mode).toBe('rotating');
  });

  it('a wall with one view never rotates', () => {
    const step = stepRotation({ index: 0, since: 0 }, input(1_000_000, { views: ['map'] }));
    expect(step).toMatchObject({ view: 'map', mode: 'single', nextAt: null });
  });

  it('a rotation without the board still goes to the board for an interrupt, then resumes where it was', () => {
    const views = ['escalations', 'map'] as const;
    const held = stepRotation({ index: 1, since: 0 }, input(1000, { views, interrupted: true }));
    expect(held).toMatchObject({ view: 'board', mode: 'interrupted' });
    const after = stepRotation(held.state, input(2000, { views }));
    expect(after).toMatchObject({ view: 'map', mode: 'rotating', nextAt: 1000 + DWELL });
  });
});
