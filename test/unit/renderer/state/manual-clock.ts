/** A clock and timers a test moves by hand (the resolved hold's HoldClock). */
export function manualClock() {
  let now = 0;
  const timers: Array<{ at: number; callback: () => void }> = [];
  return {
    now: () => now,
    setTimer: (callback: () => void, ms: number) => timers.push({ at: now + ms, callback }),
    advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (timer.at <= now) timer.callback();
        else timers.push(timer);
      }
    },
    get pending() {
      return timers.length;
    },
  };
}
