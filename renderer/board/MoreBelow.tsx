// Nobody scrolls a wall: the rows that do not fit are simply not on it, and a room that cannot
// see them takes the board for the whole story. This line says how many incidents of its list
// are below, as large as the rows. It is text only, never focusable, so as it changes with every
// arrival it leaves the selection and the focus of whoever is at the wall where they are.

/** The resolved list's band, in px: laid over its rows, it hides this much of them (wall-board.css). */
export const MORE_BELOW_HEIGHT = 44;

/** Which of the board's lists the band is under: its words and its test id follow. */
export type BelowKind = 'open' | 'resolved';

export function MoreBelow({ count, kind }: { readonly count: number; readonly kind: BelowKind }) {
  if (count === 0) return null;
  return (
    <p
      className="incident-board__more-below"
      data-testid={kind === 'open' ? 'board-more-below' : 'resolved-more-below'}
      data-count={count}
    >
      {moreBelowText(count, kind)}
    </p>
  );
}

/** "+13 more open incidents below", "+4 more resolved below". */
export function moreBelowText(count: number, kind: BelowKind): string {
  if (kind === 'resolved') return `+${count} more resolved below`;
  return `+${count} more open ${count === 1 ? 'incident' : 'incidents'} below`;
}
