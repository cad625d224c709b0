import type { BoardFilter } from './board-filter';
import type { FilterQuery, FilterTerm } from './filter-query';
import { parseFilter } from './parse-filter';

// When the operator types on, the new filter usually only narrows the one shown: more letters of
// a word, one more term. Then the incidents it keeps are among the rows already shown, and the
// host refilters those instead of all 10,000. That shortcut is only taken when it is certain:
// whenever this cannot prove it, the answer is false and the whole board is filtered again.

/**
 * True only if every incident `next` keeps (pending or not, whatever it holds), `previous` keeps
 * too. An empty filter, or one that does not parse, keeps everything (as the projection applies it).
 */
export function keepsSubsetOf(
  previous: BoardFilter | null | undefined,
  next: BoardFilter | null | undefined,
): boolean {
  const before = queryOf(previous);
  if (before === null) return true;
  const after = queryOf(next);
  if (after === null) return false;
  const sameCatalog = (): boolean => sameTeams(previous?.serviceTeams ?? [], next?.serviceTeams ?? []);
  // `next` holds all its terms; it narrows `previous` when each of previous's terms is implied by
  // one of its own.
  return before.terms.every((wider) => after.terms.some((term) => implies(term, wider, sameCatalog)));
}

/** The filter's query, or null when it keeps everything. */
function queryOf(filter: BoardFilter | null | undefined): FilterQuery | null {
  if (!filter || filter.query.trim() === '') return null;
  const parsed = parseFilter(filter.query);
  return parsed.ok && parsed.query.terms.length > 0 ? parsed.query : null;
}

/** True when every incident `term` keeps, `wider` keeps too. */
function implies(term: FilterTerm, wider: FilterTerm, sameCatalog: () => boolean): boolean {
  if (term.key !== wider.key || term.negated !== wider.negated) return false;
  // `team:` also means the catalog's services of the team, sent with each filter: the same term
  // under another catalog may keep other incidents.
  if (term.key === 'team' && !sameCatalog()) return false;
  if (term.key === 'text' && wider.key === 'text') {
    // Text found in an incident's text contains every part of it; text absent, every whole it is
    // part of.
    const [text] = term.values;
    const [widerText] = wider.values;
    return term.negated ? widerText.includes(text) : text.includes(widerText);
  }
  // Any one value may hold: fewer values keep fewer incidents; negated, more values do.
  const values = valueKeys(term);
  const widerValues = valueKeys(wider);
  return term.negated
    ? [...widerValues].every((value) => values.has(value))
    : [...values].every((value) => widerValues.has(value));
}

/** A term's values as comparable strings: equal strings are the same test. */
function valueKeys(term: FilterTerm): Set<string> {
  if (term.key === 'label')
    return new Set(term.values.map((test) => JSON.stringify([test.name, test.pattern])));
  return new Set<string>(term.values);
}

/** True when two catalogs name the same team for every service (as compileBoardFilter reads them). */
function sameTeams(a: BoardFilter['serviceTeams'], b: BoardFilter['serviceTeams']): boolean {
  const teamsA = new Map(a);
  const teamsB = new Map(b);
  if (teamsA.size !== teamsB.size) return false;
  for (const [service, team] of teamsA) if (teamsB.get(service) !== team) return false;
  return true;
}
