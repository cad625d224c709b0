// Patches from the console's host can arrive hundreds of times a second during an alert storm.
// They are queued and handed over once per frame, so React renders the board once per frame.

/** Runs a callback once, at the next frame (or whatever the host counts as one). */
export type FrameScheduler = (callback: () => void) => void;

export interface FrameQueue<T> {
  push(item: T): void;
  /** Hands over anything queued right now, without waiting for the frame. */
  flush(): void;
}

/** Queues items and hands them to `deliver` in one batch per scheduled frame. */
export function createFrameQueue<T>(
  deliver: (items: ReadonlyArray<T>) => void,
  schedule: FrameScheduler,
): FrameQueue<T> {
  let queued: T[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    if (queued.length === 0) return;
    const batch = queued;
    queued = [];
    deliver(batch);
  };

  return {
    push(item: T): void {
      queued.push(item);
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    flush,
  };
}
