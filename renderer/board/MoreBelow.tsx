// Nobody scrolls a wall: the rows that do not fit are simply not on it, and a room that cannot
// see them takes the board for the whole story. This line says how many open incidents are
// below, as large as the rows. It is text only, never focusable, so as it changes with every
// arrival it leaves the selection and the focus of whoever is at the wall where they are.

export function MoreBelow({ count }: { readonly count: number }) {
  if (count === 0) return null;
  return (
    <p className="incident-board__more-below" data-testid="board-more-below" data-count={count}>
      +{count} more open {count === 1 ? 'incident' : 'incidents'} below
    </p>
  );
}
