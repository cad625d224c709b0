// A wall must never let its screen sleep. In the desktop app the main process holds a power-save
// blocker; in a browser the Screen Wake Lock API does the same, but the browser drops the lock
// whenever the page is hidden, so it is asked for again each time the page is visible.

interface WakeLockSentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
}

interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/** The page's wake lock API, where the browser has one. */
export const browserWakeLockApi = (): WakeLockLike | undefined =>
  (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;

export type ScreenLock = 'held' | 'unsupported' | 'refused';

/** Holds a screen wake lock while the page is visible; returns a function that lets go. */
export function keepScreenOn(
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>,
  wakeLock: WakeLockLike | undefined,
  onChange: (state: ScreenLock, reason?: string) => void = () => undefined,
): () => void {
  if (!wakeLock) {
    onChange('unsupported');
    return () => undefined;
  }
  let sentinel: WakeLockSentinelLike | null = null;
  let requesting = false;
  let stopped = false;
  const acquire = (): void => {
    if (stopped || requesting || doc.visibilityState !== 'visible' || (sentinel && !sentinel.released))
      return;
    requesting = true;
    wakeLock.request('screen').then(
      (lock) => {
        requesting = false;
        // Stopped while the browser was deciding: let go at once.
        if (stopped) return void lock.release().catch(() => undefined);
        sentinel = lock;
        onChange('held');
      },
      (error: unknown) => {
        requesting = false;
        onChange('refused', error instanceof Error ? error.message : String(error));
      },
    );
  };
  doc.addEventListener('visibilitychange', acquire);
  acquire();
  return () => {
    stopped = true;
    doc.removeEventListener('visibilitychange', acquire);
    void sentinel?.release().catch(() => undefined);
  };
}
