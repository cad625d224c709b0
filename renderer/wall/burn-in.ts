// Screens that show the same header for weeks keep its ghost. The whole wall drifts a few pixels
// on a slow square orbit, one step every few minutes: too small and slow to notice from the room,
// enough that no pixel draws the same edge for long.

export const BURN_IN_STEP_MS = 3 * 60_000;
const ORBIT_PX = 6;
const ORBIT: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [ORBIT_PX, 0],
  [ORBIT_PX, ORBIT_PX],
  [0, ORBIT_PX],
  [-ORBIT_PX, ORBIT_PX],
  [-ORBIT_PX, 0],
  [-ORBIT_PX, -ORBIT_PX],
  [0, -ORBIT_PX],
];

/** The wall's pixel shift at `now` (the same for every wall at the same minute). */
export function burnInShift(now: number): { readonly x: number; readonly y: number } {
  const step = Math.floor(now / BURN_IN_STEP_MS) % ORBIT.length;
  const [x, y] = ORBIT[step] ?? [0, 0];
  return { x, y };
}
