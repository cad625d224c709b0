import { showable } from '../../shared/feed/label-answer';
import type { BoardFilter } from '../../shared/filter/board-filter';
import { compileGlob } from '../../shared/filter/glob';
import { parseFilter } from '../../shared/filter/parse-filter';
import { quoteValue } from '../../shared/filter/print-filter';
import type { CatalogGraph } from '../../shared/impact/catalog-graph';

// The filter as the feed needs it: the text, and for `team:` terms the catalog's services of the
// teams they name (the host filters but has no catalog). Only those services travel, so a filter
// without `team:` sends nothing more than its text.

/** The board filter for the feed; null when nothing is filtered. */
export function boardFilterOf(applied: string, catalog: CatalogGraph | null): BoardFilter | null {
  if (applied.trim() === '') return null;
  const parsed = parseFilter(applied);
  if (!parsed.ok) return null;
  const patterns: string[] = [];
  for (const term of parsed.query.terms)
    if (term.key === 'team') for (const value of term.values) patterns.push(value);
  if (patterns.length === 0 || catalog === null) return { query: applied, serviceTeams: [] };
  const globs = patterns.map(compileGlob);
  const serviceTeams: Array<readonly [string, string]> = [];
  for (const service of catalog.services) {
    const team = service.team;
    if (team !== null && globs.some((glob) => glob(team.toLowerCase())))
      serviceTeams.push([service.id, team]);
  }
  return { query: applied, serviceTeams };
}

/** The catalog's teams and services, for completing values in the bar. */
export function knownValuesOf(catalog: CatalogGraph | null): { teams: string[]; services: string[] } {
  if (catalog === null) return { teams: [], services: [] };
  const teams = new Set<string>();
  for (const service of catalog.services) if (service.team !== null) teams.add(service.team);
  return { teams: [...teams].sort(), services: catalog.services.map((service) => service.id).sort() };
}

/** What servicesToOffer reads of the page's rows (RowMap and HeldRows are such). */
interface RowsWithServices {
  values(): Iterable<{ readonly services: ReadonlyArray<string> }>;
}

/**
 * What `service:` completes: the catalog's services and those on the page's rows (shown, and
 * held out of sight by the filter), so a service only alerts name can be completed too. One per
 * spelling that matches alike (the filter ignores case; the catalog's spelling, else the first in
 * code-unit order), sorted. A row's service is outside text: one an operator could not see or type
 * is left out, one with a space or comma is offered quoted.
 */
export function servicesToOffer(
  catalogServices: ReadonlyArray<string>,
  rowMaps: ReadonlyArray<RowsWithServices>,
): string[] {
  const byCase = new Map<string, string>();
  for (const service of catalogServices)
    if (!byCase.has(service.toLowerCase())) byCase.set(service.toLowerCase(), service);
  const catalog = new Set(byCase.keys());
  // Most rows repeat a few services: each spelling is looked at once.
  const seen = new Set<string>(catalogServices);
  for (const rows of rowMaps)
    for (const row of rows.values())
      for (const service of row.services) {
        if (seen.has(service)) continue;
        seen.add(service);
        if (!showable(service)) continue;
        const lower = service.toLowerCase();
        if (catalog.has(lower)) continue;
        const kept = byCase.get(lower);
        if (kept === undefined || service < kept) byCase.set(lower, service);
      }
  return [...byCase.values()].sort().map(quoteValue);
}

/**
 * servicesToOffer for the bar, made when first asked and kept while the rows are the same maps
 * (each change to the rows makes new ones): the keys typed in between, and every key typed
 * outside a `service:` value, walk no rows. `rowMaps` is read only when asked, so the bar need not
 * re-render on every change to the rows (a storm's every frame) to have them.
 */
export function lazyServices(
  catalogServices: ReadonlyArray<string>,
  rowMaps: () => ReadonlyArray<RowsWithServices> | null,
): () => ReadonlyArray<string> {
  let made: {
    readonly from: ReadonlyArray<RowsWithServices>;
    readonly services: ReadonlyArray<string>;
  } | null = null;
  return () => {
    const from = rowMaps();
    if (from === null) return catalogServices;
    if (made === null || made.from.length !== from.length || made.from.some((rows, i) => rows !== from[i]))
      made = { from, services: servicesToOffer(catalogServices, from) };
    return made.services;
  };
}
