// JSON of a long list without holding the event loop: a board of thousands of incidents is
// hundreds of ms of JSON.stringify, during which a hub answers no ingest and fires no escalation.
// The items are encoded one at a time and the loop is given back every few ms. Callers pass
// values that never change once made (folded incidents), so what is encoded is the list as it
// was when it was taken, however long the encoding takes.

/** The event loop is given back after this long of encoding. */
export const SLICE_MS = 8;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `JSON.stringify(items)` without its brackets: the items' JSON joined by commas. */
export async function jsonListInSlices(
  items: ReadonlyArray<unknown>,
  pause: () => Promise<void> = nextTurn,
  sliceMs = SLICE_MS,
): Promise<string> {
  const parts: string[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    // As in an array, a value JSON cannot hold is written null.
    parts.push(JSON.stringify(items[i]) ?? 'null');
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  return parts.join(',');
}
