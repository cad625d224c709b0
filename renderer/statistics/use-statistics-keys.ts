import { commandBinding } from '../keyboard/command-catalog';
import { useKeymap } from '../keyboard/use-keymap';

export interface StatisticsKeyActions {
  /** +1: a longer range, -1: a shorter one. */
  readonly stepRange: (step: 1 | -1) => void;
  readonly toggleBucket: () => void;
  readonly refresh: () => void;
  /** Moves focus to the custom range's first date. */
  readonly custom: () => void;
  /** Esc: out of a date field, else back to the board. */
  readonly escape: () => void;
}

/** The statistics view's keys, in the 'statistics' context so the cheat sheet and settings list them. */
export function useStatisticsKeys(actions: StatisticsKeyActions): void {
  useKeymap('statistics', [
    commandBinding('statistics.range-next', () => actions.stepRange(1)),
    commandBinding('statistics.range-previous', () => actions.stepRange(-1)),
    commandBinding('statistics.bucket', actions.toggleBucket),
    commandBinding('statistics.refresh', actions.refresh),
    commandBinding('statistics.custom', actions.custom),
    { keys: ['Escape'], description: 'Back to the board', run: actions.escape, whileTyping: true },
  ]);
}
