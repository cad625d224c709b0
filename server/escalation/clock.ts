// Time for the escalation engine and the pager, passed in so tests can run hours of escalation
// in milliseconds (startHub's `clock` option). Production is Date.now and setTimeout.

/** Its functions are passed around unbound (`clock.now`), so they must not rely on `this`. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fire` once, never before `at` by `now()`; returns a function that cancels it. */
  setTimer(at: number, fire: () => void): () => void;
}

/** setTimeout's longest delay (about 24.8 days); later deadlines re-arm on the way. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, fire) {
    let timer: NodeJS.Timeout;
    const wait = (): void => {
      timer = setTimeout(check, Math.max(0, Math.min(at - Date.now(), MAX_DELAY_MS)));
      // Pending deadlines alone must not keep a stopping hub (or a test) alive.
      timer.unref();
    };
    // setTimeout runs on a monotonic clock and may fire a millisecond before Date.now() reaches
    // `at`; a deadline must never fire early, so it checks and waits again. Never synchronous,
    // even for a deadline already past, so callers are not re-entered.
    const check = (): void => (Date.now() >= at ? fire() : wait());
    wait();
    return () => clearTimeout(timer);
  },
};
