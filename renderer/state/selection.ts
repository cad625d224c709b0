// Selection is kept by incident id, never by position: live data reorders the board all the
// time and the operator's selection must stay on the incident they chose.

/** The id `delta` rows away from the selected one in board order, clamped to the ends. */
export function stepSelection(
  order: ReadonlyArray<string>,
  selectedId: string | null,
  delta: number,
): string | null {
  if (order.length === 0) return selectedId;
  const index = selectedId === null ? -1 : order.indexOf(selectedId);
  if (index === -1) {
    // Nothing selected (or the selected incident left the board): start from the nearest end.
    return (delta >= 0 ? order[0] : order[order.length - 1]) ?? null;
  }
  const target = Math.min(order.length - 1, Math.max(0, index + delta));
  return order[target] ?? selectedId;
}
