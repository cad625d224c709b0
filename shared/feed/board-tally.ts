import { isOpen, type Severity } from '../domain';
import type { BoardRow } from './board-row';

// What the header and the escalations tab show of the whole board, kept as the board changes:
// counting it afresh walked every open row each frame (10,000 of them on a big board, twice).
// The interpreter adds and takes away each row it moves, and counts afresh only when it
// rebuilds the lists anyway.

export type SeverityCounts = Readonly<Record<Severity, number>>;

export interface BoardTally {
  /** Open incidents per severity. */
  readonly open: SeverityCounts;
  /** Open incidents whose escalation still runs. */
  readonly escalating: number;
}

export const EMPTY_TALLY: BoardTally = { open: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }, escalating: 0 };

/** An open incident whose escalation has not stopped: the escalations view lists exactly these. */
export function escalationRuns(row: Pick<BoardRow, 'status' | 'escalation'>): boolean {
  return isOpen(row) && row.escalation != null && row.escalation.stopped === null;
}

/**
 * Counts the rows afresh; `previous` itself when the counts are what it says. A filter key that
 * narrows or widens the board walks every row shown (10,000 on a big board).
 */
export function tallyOf(rows: ReadonlyArray<BoardRow>, previous: BoardTally = EMPTY_TALLY): BoardTally {
  const counter = tallyCounter(EMPTY_TALLY);
  for (const row of rows) counter.add(row);
  return sameOrNew(previous, counter.result());
}

export interface TallyCounter {
  /** A row that joined the board (resolved rows count for nothing). */
  add(row: BoardRow): void;
  /** A row that left the board, as it was. */
  remove(row: BoardRow): void;
  /** The tally now: the one it started from while the counts are unchanged, so views keep it. */
  result(): BoardTally;
}

/**
 * A tally to change row by row. Plain counters, not a store by severity name into a record per
 * row, which cost ten times as much on a walk of 10,000 rows (1–2 ms).
 */
export function tallyCounter(from: BoardTally): TallyCounter {
  let { sev1, sev2, sev3, sev4 } = from.open;
  let escalating = from.escalating;
  const count = (row: BoardRow, by: 1 | -1): void => {
    if (!isOpen(row)) return;
    const severity = row.severity;
    if (severity === 'sev1') sev1 += by;
    else if (severity === 'sev2') sev2 += by;
    else if (severity === 'sev3') sev3 += by;
    else if (severity === 'sev4') sev4 += by;
    if (escalationRuns(row)) escalating += by;
  };
  return {
    add: (row) => count(row, 1),
    remove: (row) => count(row, -1),
    result: () => sameOrNew(from, { open: { sev1, sev2, sev3, sev4 }, escalating }),
  };
}

/** `previous` when `next` counts the same, so a view of the counts keeps its value. */
function sameOrNew(previous: BoardTally, next: BoardTally): BoardTally {
  const a = previous.open;
  const b = next.open;
  const sameOpen = a.sev1 === b.sev1 && a.sev2 === b.sev2 && a.sev3 === b.sev3 && a.sev4 === b.sev4;
  if (sameOpen && previous.escalating === next.escalating) return previous;
  return sameOpen ? { open: a, escalating: next.escalating } : next;
}
