import { create } from 'zustand';

// One shared clock for every live age and the offline timer: a single timer for the whole
// board instead of one per row, and every age on the wall ticks in the same instant.

interface ClockStore {
  readonly now: number;
}

export const useClockStore = create<ClockStore>()(() => ({ now: Date.now() }));

/** The current time, re-rendering the caller once a second. */
export const useNow = (): number => useClockStore((state) => state.now);

/** Starts ticking on each whole second; returns a function that stops the clock. */
export function startClock(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = (): void => {
    const now = Date.now();
    useClockStore.setState({ now });
    // Re-aligning on every tick keeps ticks on the second boundary despite timer drift.
    timer = setTimeout(tick, 1000 - (now % 1000));
  };
  tick();
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}
