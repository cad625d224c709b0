import { useRef } from 'react';

// Most incidents leave the impact edges in view as they were (the impact of a failing database
// already runs along them), but filtering them anew gives a new array, and a new array makes
// the memoised edge layer draw its hundreds of paths again. Keeping the old array while the
// items are the same lets React skip the layer.

/** Same length, same items in the same order (by identity). */
export function sameItems<T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `list`, or the array last returned when it held the same items. */
export function useStableList<T>(list: ReadonlyArray<T>): ReadonlyArray<T> {
  const last = useRef(list);
  if (!sameItems(last.current, list)) last.current = list;
  return last.current;
}
