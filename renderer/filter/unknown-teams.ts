import { parseFilter } from '../../shared/filter/parse-filter';

// A wall's address is typed once and read for weeks: `team:paymnets` shows nothing, and an empty
// board names the team the catalog does not know, so whoever looks finds the typo.

/**
 * The teams a filter asks for by exact name (no `*`, not left out) that are not catalog teams;
 * none when the catalog names no team at all (then every team comes from alert labels).
 */
export function teamsNotInCatalog(filter: string, catalogTeams: ReadonlyArray<string>): string[] {
  if (catalogTeams.length === 0) return [];
  const parsed = parseFilter(filter);
  if (!parsed.ok) return [];
  const known = new Set(catalogTeams.map((team) => team.toLowerCase()));
  const unknown = new Set<string>();
  for (const term of parsed.query.terms) {
    if (term.key !== 'team' || term.negated) continue;
    for (const team of term.values) if (!team.includes('*') && !known.has(team)) unknown.add(team);
  }
  return [...unknown];
}
