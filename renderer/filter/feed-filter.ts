import type { BoardFilter } from '../../shared/filter/board-filter';
import { compileGlob } from '../../shared/filter/glob';
import { parseFilter } from '../../shared/filter/parse-filter';
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
  for (const term of parsed.query.terms) if (term.key === 'team') patterns.push(...term.values);
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
