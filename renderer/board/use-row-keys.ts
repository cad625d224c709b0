import { useLayoutEffect, useRef } from 'react';
import type { BoardRow } from '../../shared/feed/board-row';
import { assignRowKeys, NO_ROW_KEYS, type RowKeys } from './row-keys';

/**
 * The React keys of a list's rows in view (row-keys.ts), worked out from the keys last committed,
 * so a render React throws away (or renders twice) hands nothing on twice. The selected row and
 * the row with focus keep their elements to themselves.
 */
export function useRowKeys(rows: ReadonlyArray<BoardRow>, selectedId: string | null): ReadonlyArray<string> {
  const committed = useRef<RowKeys>(NO_ROW_KEYS);
  const focused = focusedRowId();
  const keys = assignRowKeys(
    committed.current,
    rows.map((row) => row.id),
    (id) => id === selectedId || id === focused,
  );
  useLayoutEffect(() => {
    committed.current = keys;
  });
  return keys.keys;
}

/** The incident of the row element that has focus, if one has. */
function focusedRowId(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.dataset.incidentId : undefined;
}
