import type { FrameScheduler } from './frame-queue';

// requestAnimationFrame does not fire while a window is hidden or minimised, and a wall display
// in a background tab would then queue the whole event stream. A timer races the frame so a
// hidden board still catches up about once a second (browsers throttle hidden timers to that).
const HIDDEN_FALLBACK_MS = 1000;

/** Schedules on the next animation frame, or after a second if no frame comes. */
export const scheduleOnNextFrame: FrameScheduler = (callback) => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_FALLBACK_MS);
};
