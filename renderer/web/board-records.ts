import type { Incident } from '../../shared/domain';

// How the browser console lays its board out in IndexedDB: a base of chunks (arrays of
// BASE_CHUNK incidents) written when the whole board is stored, and one record per incident
// changed or let go since (a null for one let go). A cold start reads a handful of chunks and
// the few changes instead of 10,000 records: Chromium read ten chunks of 1,000 incidents three
// times as fast as 10,000 records of one (`npm run bench offline-cache`; chunks are now 100). Writes stay small: a
// change is one record, and only when changes pile up is the board written whole again.

/**
 * Incidents per base chunk. Small enough that one chunk's put (its clone, on the worker's
 * thread) is a short turn; a cold start still reads 100 chunks for 10,000 incidents, not 10,000
 * records.
 */
export const BASE_CHUNK = 100;

/** Fewer changes than this are never worth a whole write, however small the base. */
export const COMPACT_AFTER = 1000;

/** Changes that make the next write a whole one: reading them back would cost more than a base. */
export function changesOutgrowBase(changes: number, baseSize: number): boolean {
  return changes > Math.max(COMPACT_AFTER, baseSize / 2);
}

/** The board split into base chunks. */
export function baseChunks(incidents: ReadonlyArray<Incident>): Incident[][] {
  const chunks: Incident[][] = [];
  for (let start = 0; start < incidents.length; start += BASE_CHUNK)
    chunks.push(incidents.slice(start, start + BASE_CHUNK));
  return chunks;
}

/** What was read back, before validation: the base with the changes laid over it. */
export interface MergedBoard {
  readonly incidents: unknown[];
  readonly baseSize: number;
}

/**
 * Lays the change records over the base. The result is untrusted and is validated by the
 * caller; a chunk that is not an array is reported so the whole cache can be discarded.
 */
export function mergeBoardRecords(
  chunks: ReadonlyArray<unknown>,
  changeIds: ReadonlyArray<string>,
  changes: ReadonlyArray<unknown>,
): MergedBoard | { readonly broken: string } {
  // A Map: ids come from outside and must never become an object's keys.
  const byId = new Map<string, unknown>();
  let baseSize = 0;
  for (const chunk of chunks) {
    if (!Array.isArray(chunk)) return { broken: 'a base chunk is not a list' };
    for (const incident of chunk) {
      baseSize += 1;
      const id = (incident as { id?: unknown } | null)?.id;
      // An unreadable entry is kept under a key of its own, so validation sees it and says so.
      byId.set(typeof id === 'string' ? id : `\u0000${baseSize}`, incident);
    }
  }
  changeIds.forEach((id, index) => {
    const change = changes[index];
    if (change === null) byId.delete(id);
    else byId.set(id, change);
  });
  return { incidents: [...byId.values()], baseSize };
}
