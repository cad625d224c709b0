import { compileFilter, type FilterContext, type IncidentPredicate } from './match-filter';
import { parseFilter } from './parse-filter';

// The filter as a page hands it to its feed: the text the operator typed, and the catalog's
// owners of the services a `team:` term may mean (the host has no catalog; the page has it).

export interface BoardFilter {
  readonly query: string;
  /** [service, team] pairs from the catalog, for the services of the teams the query names. */
  readonly serviceTeams: ReadonlyArray<readonly [service: string, team: string]>;
}

/** A filter ready to run, or why the text is not one. */
export type CompiledBoardFilter =
  | { readonly ok: true; readonly query: string; readonly keep: IncidentPredicate }
  | { readonly ok: false; readonly query: string; readonly message: string };

/** Compiles a page's filter; null when the page filters nothing. */
export function compileBoardFilter(filter: BoardFilter | null | undefined): CompiledBoardFilter | null {
  if (!filter || filter.query.trim() === '') return null;
  const parsed = parseFilter(filter.query);
  if (!parsed.ok) return { ok: false, query: filter.query, message: parsed.error.message };
  const teams = new Map<string, string>(filter.serviceTeams);
  const context: FilterContext = { teamOf: (service) => teams.get(service) };
  return { ok: true, query: filter.query, keep: compileFilter(parsed.query, context) };
}

/** True when two filters keep the same incidents. */
export function sameBoardFilter(
  a: BoardFilter | null | undefined,
  b: BoardFilter | null | undefined,
): boolean {
  if (!a || !b) return (a?.query.trim() ?? '') === (b?.query.trim() ?? '');
  if (a.query !== b.query || a.serviceTeams.length !== b.serviceTeams.length) return false;
  return a.serviceTeams.every(([service, team], i) => {
    const other = b.serviceTeams[i];
    return other !== undefined && other[0] === service && other[1] === team;
  });
}
