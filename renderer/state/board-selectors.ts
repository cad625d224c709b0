// Derived views of the board. They take values and return values; the memoised versions keep
// the same result while their input is the same object, so zustand subscribers do not re-render.

/** How long a resolved incident stays in the board's "resolved" section. */
export const RECENTLY_RESOLVED_MS = 60 * 60 * 1000;

/** Remembers the last input and result of a one-argument function, by identity. */
export function memoizeLast<A, R>(compute: (arg: A) => R): (arg: A) => R {
  let last: { readonly arg: A; readonly result: R } | null = null;
  return (arg: A): R => {
    if (last === null || last.arg !== arg) last = { arg, result: compute(arg) };
    return last.result;
  };
}
