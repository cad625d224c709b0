import type { WallView } from './wall-settings';

// Which view a wall shows, as a function of time. Pure so the rules are testable without timers:
// a wall rotates through its views; someone pressing keys at the wall pauses it (they are using
// it); an unacknowledged sev1/sev2 holds it on the board, where the incident is.

/** How long after a person's last key or click the wall waits before rotating again. */
export const INTERACTION_PAUSE_MS = 2 * 60_000;

export interface RotationState {
  /** Index into the wall's views of the view on screen. */
  readonly index: number;
  /** When the current view came on screen. */
  readonly since: number;
}

export interface RotationInput {
  readonly views: ReadonlyArray<WallView>;
  readonly dwellMs: number;
  readonly now: number;
  /** When someone last pressed a key or clicked at the wall; null if never. */
  readonly lastInteractionAt: number | null;
  /** True while an unacknowledged sev1/sev2 incident holds the wall on the board. */
  readonly interrupted: boolean;
}

export type RotationMode = 'rotating' | 'single' | 'paused' | 'interrupted';

export interface RotationStep {
  readonly state: RotationState;
  readonly view: WallView;
  readonly mode: RotationMode;
  /** When the next view comes, or null when the wall is not rotating. */
  readonly nextAt: number | null;
}

/** The rotation at `input.now`, from the state it was in. */
export function stepRotation(state: RotationState, input: RotationInput): RotationStep {
  const { views, dwellMs, now } = input;
  if (input.interrupted) {
    // Held on the board, even on a wall whose rotation lacks it: that is where the incident is.
    // When the alarm ends, the rotation resumes (on the board, if it has one) with a full dwell.
    const boardIndex = views.indexOf('board');
    const held = { index: boardIndex >= 0 ? boardIndex : state.index, since: now };
    return { state: held, view: 'board', mode: 'interrupted', nextAt: null };
  }
  const index = state.index < views.length ? state.index : 0;
  const current = { index, since: state.since };
  if (views.length <= 1)
    return { state: current, view: views[index] ?? 'board', mode: 'single', nextAt: null };
  if (input.lastInteractionAt !== null && now - input.lastInteractionAt < INTERACTION_PAUSE_MS) {
    // The dwell restarts from the end of the pause, not from when the view came.
    const resumesAt = input.lastInteractionAt + INTERACTION_PAUSE_MS;
    return {
      state: { index, since: resumesAt },
      view: views[index] ?? 'board',
      mode: 'paused',
      nextAt: resumesAt + dwellMs,
    };
  }
  if (now - current.since < dwellMs) {
    return {
      state: current,
      view: views[index] ?? 'board',
      mode: 'rotating',
      nextAt: current.since + dwellMs,
    };
  }
  const next = (index + 1) % views.length;
  return {
    state: { index: next, since: now },
    view: views[next] ?? 'board',
    mode: 'rotating',
    nextAt: now + dwellMs,
  };
}
