import { useCallback, useLayoutEffect, useRef } from 'react';
import type { BoardRow } from '../../shared/feed/board-row';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { focusMayMove, useSelectionStore } from '../state/selection-store';
import { openIncident } from '../state/view-store';
import { BrokenRow } from './BrokenRow';
import { IncidentRow, type IncidentRowProps } from './IncidentRow';
import { type BelowKind, MORE_BELOW_HEIGHT, MoreBelow } from './MoreBelow';
import { useRowKeys } from './use-row-keys';
import { useViewport } from './use-viewport';
import {
  rowsBelow,
  rowsBelowBand,
  scrollTopToReveal,
  type ViewportMetrics,
  visibleRows,
} from './virtual-window';

// A virtualised listbox of incidents: fixed-height rows, only those in view (plus overscan)
// in the DOM. Selection lives in the selection store by id; this list only renders it and, when
// the keyboard moved it here, scrolls the row into view and focuses it.

/** Row height in px; fixed so virtualisation is arithmetic, and large enough to read across a room. */
export const ROW_HEIGHT = 56;
const OVERSCAN_ROWS = 6;

export interface IncidentListProps {
  readonly incidents: ReadonlyArray<BoardRow>;
  readonly label: string;
  readonly testId: string;
  /** Say under the list how many of its rows do not fit (a wall, where nobody scrolls). */
  readonly countBelow?: BelowKind | null;
}

/** The incidents as a keyboard-navigable, virtualised listbox. */
export function IncidentList({ incidents, label, testId, countBelow = null }: IncidentListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const viewport = useViewport(scrollRef);
  const selectedId = useSelectionStore((state) => state.selectedId);
  const focusRequest = useSelectionStore((state) => state.focusRequest);
  const focusPending = useSelectionStore((state) => state.focusPending);
  const select = useSelectionStore((state) => state.select);

  const rowCount = incidents.length;
  const metrics = {
    scrollTop: viewport.scrollTop,
    viewportHeight: viewport.height,
    rowHeight: ROW_HEIGHT,
    rowCount,
  };
  const range = visibleRows(metrics, OVERSCAN_ROWS);
  const selectedIndex =
    selectedId === null ? -1 : incidents.findIndex((incident) => incident.id === selectedId);
  const shown = rowsToRender(range, selectedIndex);
  const inView = shown.map((index) => incidents[index] as BoardRow);
  const keys = useRowKeys(inView, selectedId);
  // Roving tabindex: Tab lands on the selected row (always rendered), or on the first row in view.
  const tabbableIndex = selectedIndex === -1 ? range.start : selectedIndex;

  const { scrollTo, scrollTop, height } = viewport;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusRequest asks again for the same row
  useLayoutEffect(() => {
    // Not in this list: the list that shows the row answers, now or when the row arrives.
    if (!focusPending || selectedIndex === -1 || selectedId === null) return;
    const element = scrollRef.current;
    if (!element) return;
    const request = useSelectionStore.getState();
    if (!focusMayMove(request)) {
      // Late, and the operator is elsewhere (or the row took too long): leave the focus and the
      // scroll position with them.
      request.settleFocus();
      return;
    }
    const target = scrollTopToReveal(
      { scrollTop, viewportHeight: height, rowHeight: ROW_HEIGHT, rowCount },
      selectedIndex,
    );
    if (target !== scrollTop) {
      // The row may not be rendered yet: scroll first, focus on the render that follows.
      scrollTo(target);
      return;
    }
    const row = element.querySelector<HTMLElement>(`[data-incident-id="${CSS.escape(selectedId)}"]`);
    if (!row) return;
    row.focus({ preventScroll: true });
    request.settleFocus();
  }, [focusPending, focusRequest, selectedId, selectedIndex, scrollTop, height, rowCount, scrollTo]);

  const onSelect = useCallback((id: string) => select(id), [select]);

  return (
    <>
      <div
        ref={scrollRef}
        className="incident-list"
        role="listbox"
        aria-label={label}
        data-testid={testId}
        onScroll={viewport.onScroll}
      >
        <div role="presentation" className="incident-list__canvas" style={{ height: rowCount * ROW_HEIGHT }}>
          {inView.map((incident, offset) => {
            const index = shown[offset] as number;
            const row: IncidentRowProps = {
              incident,
              index,
              rowCount,
              top: index * ROW_HEIGHT,
              height: ROW_HEIGHT,
              selected: index === selectedIndex,
              tabbable: index === tabbableIndex,
              pending: incident.pending,
              onSelect,
              onOpen: openIncident,
            };
            // Each row behind its own boundary: one damaged incident is one damaged row. The key is
            // the row's element, handed on to a row coming into view when that is cheaper (row-keys.ts).
            return (
              <ErrorBoundary
                key={keys[offset]}
                name={`row ${incident.id}`}
                resetKey={incident}
                fallback={(error) => <BrokenRow {...row} error={error} />}
              >
                <IncidentRow {...row} />
              </ErrorBoundary>
            );
          })}
        </div>
      </div>
      {countBelow === null ? null : (
        <MoreBelow count={countRowsBelow(metrics, countBelow)} kind={countBelow} />
      )}
    </>
  );
}

/**
 * The rows to render: those in view (with overscan), and the selected row wherever it is. A
 * storm that pushes the selected row out of the window must not take the operator's focus with
 * it: its element would leave the page and the focus fall to the page itself, so the next j or
 * Enter would not be about that incident. Off screen, it costs one row.
 */
export function rowsToRender(
  range: { readonly start: number; readonly end: number },
  selectedIndex: number,
): number[] {
  const rows: number[] = [];
  if (selectedIndex !== -1 && selectedIndex < range.start) rows.push(selectedIndex);
  for (let index = range.start; index < range.end; index++) rows.push(index);
  if (selectedIndex >= range.end) rows.push(selectedIndex);
  return rows;
}

/**
 * The rows a list's band counts. The open list's band goes under it, taking room from the list;
 * the resolved list's is laid over its bottom, so it never takes room from the open incidents
 * above (wall-board.css).
 */
function countRowsBelow(metrics: ViewportMetrics, kind: BelowKind): number {
  return kind === 'open' ? rowsBelow(metrics) : rowsBelowBand(metrics, MORE_BELOW_HEIGHT);
}
