import { assertNever, type Incident, isOpen } from '../domain';
import type { FilterFlag, FilterQuery, FilterTerm, LabelTest, StatusValue } from './filter-query';
import { compileGlob, type Glob } from './glob';

// A parsed filter turned into a predicate, compiled once per filter so the projection runs one
// closure per incident: at 10,000 incidents a keystroke must cost well under a frame.

/** What a filter reads of an incident: a whole one, as the replica holds it (labels are on alerts). */
export type FilterSubject = Pick<
  Incident,
  'id' | 'title' | 'severity' | 'status' | 'services' | 'alerts' | 'acknowledgedAt' | 'escalation'
>;

/** Facts the filter needs from outside the incident. */
export interface FilterContext {
  /** The team owning a service in the catalog, if the catalog names one. */
  readonly teamOf: (service: string) => string | undefined;
}

export const NO_CATALOG: FilterContext = { teamOf: () => undefined };

/** `pending`: this console has actions on the incident the hub has not confirmed. */
export type IncidentPredicate = (incident: FilterSubject, pending: boolean) => boolean;

/** The predicate of a filter; the empty filter keeps everything. */
export function compileFilter(query: FilterQuery, context: FilterContext = NO_CATALOG): IncidentPredicate {
  // Words to find are tested together, after the other terms: one lookup of an incident's text
  // for all of them (`bench 12` is two words), and none when a cheaper term already said no.
  const words: string[] = [];
  const tests: IncidentPredicate[] = [];
  for (const term of query.terms) {
    if (term.key === 'text' && !term.negated && !term.values[0].includes('*'))
      for (const value of term.values) words.push(value);
    else tests.push(compileTerm(term, context));
  }
  if (words.length > 0)
    tests.push((incident) => {
      const text = searchTextOf(incident);
      for (const word of words) if (!text.includes(word)) return false;
      return true;
    });
  if (tests.length === 0) return () => true;
  return (incident, pending) => {
    for (const test of tests) if (!test(incident, pending)) return false;
    return true;
  };
}

/** What a filter can read of a board row: everything it reads of an incident but the alerts. */
export type RowSubject = Omit<FilterSubject, 'alerts'>;

/**
 * The predicate of a filter that a board row can decide, or null when a term needs the alerts
 * (`label:`, and `team:`, which also reads the alerts' team labels). The page, which holds rows
 * only, uses it to show a filter before its host answers (shared/feed/predict-filter.ts).
 */
export function compileRowFilter(
  query: FilterQuery,
): ((row: RowSubject, pending: boolean) => boolean) | null {
  if (query.terms.some((term) => term.key === 'label' || term.key === 'team')) return null;
  // Safe: no term left reads `alerts` (labelTest and teamsOf are the only ones that do).
  return compileFilter(query) as (row: RowSubject, pending: boolean) => boolean;
}

function compileTerm(term: FilterTerm, context: FilterContext): IncidentPredicate {
  const test = positiveTest(term, context);
  return term.negated ? (incident, pending) => !test(incident, pending) : test;
}

function positiveTest(term: FilterTerm, context: FilterContext): IncidentPredicate {
  switch (term.key) {
    case 'sev': {
      const wanted = new Set<string>(term.values);
      return (incident) => wanted.has(incident.severity);
    }
    case 'status':
      return statusTest(term.values);
    case 'is': {
      const flags = term.values.map(flagTest);
      return (incident, pending) => flags.some((flag) => flag(incident, pending));
    }
    case 'service': {
      const globs = term.values.map(compileGlob);
      return (incident) => incident.services.some((service) => matchesAny(globs, service.toLowerCase()));
    }
    case 'team': {
      const globs = term.values.map(compileGlob);
      return (incident) => teamsOf(incident, context).some((team) => matchesAny(globs, team));
    }
    case 'label': {
      const tests = term.values.map(labelTest);
      return (incident) => tests.some((test) => test(incident));
    }
    case 'text': {
      const [text] = term.values;
      if (!text.includes('*')) return (incident) => searchTextOf(incident).includes(text);
      // `pay*api`, `checkout*`: people type a wildcard in a search box; found within one of the
      // id, the title or a service, never across them.
      const found = compileGlob(`*${text}*`);
      return (incident) => searchTextOf(incident).split('\n').some(found);
    }
    default:
      return assertNever(term);
  }
}

function statusTest(values: ReadonlyArray<StatusValue>): IncidentPredicate {
  const open = values.includes('open');
  const wanted = new Set<string>(values);
  return (incident) => wanted.has(incident.status) || (open && isOpen(incident));
}

function flagTest(flag: FilterFlag): IncidentPredicate {
  switch (flag) {
    case 'acked':
      return (incident) => incident.acknowledgedAt !== null;
    case 'unacked':
      return (incident) => incident.acknowledgedAt === null;
    case 'open':
      return (incident) => isOpen(incident);
    case 'resolved':
      return (incident) => !isOpen(incident);
    case 'escalating':
      return (incident) => incident.escalation != null && incident.escalation.stopped === null;
    case 'pending':
      return (_incident, pending) => pending;
    default:
      return assertNever(flag);
  }
}

const matchesAny = (globs: ReadonlyArray<Glob>, text: string): boolean => globs.some((glob) => glob(text));

/** The catalog teams of its services, and any `team` label its alerts carry, lower case. */
function teamsOf(incident: FilterSubject, context: FilterContext): string[] {
  const teams: string[] = [];
  for (const service of incident.services) {
    const team = context.teamOf(service);
    if (team !== undefined) teams.push(team.toLowerCase());
  }
  for (const alert of Object.values(incident.alerts)) {
    const team = Object.hasOwn(alert.labels, 'team') ? alert.labels.team : undefined;
    if (team !== undefined) teams.push(team.toLowerCase());
  }
  return teams;
}

/**
 * A label test over every alert of the incident. Label names come from monitoring: they are
 * compared as strings while walking each alert's own entries, never used to index an object.
 */
function labelTest(test: LabelTest): (incident: FilterSubject) => boolean {
  const value = test.pattern === null ? () => true : compileGlob(test.pattern);
  return (incident) => {
    for (const alert of Object.values(incident.alerts)) {
      for (const [name, labelValue] of Object.entries(alert.labels)) {
        if (name.toLowerCase() === test.name && value(labelValue.toLowerCase())) return true;
      }
    }
    return false;
  };
}

/** Incidents are never mutated once published, so each one's lower-cased text is made once. */
const searchTexts = new WeakMap<FilterSubject, string>();

function searchTextOf(incident: FilterSubject): string {
  let text = searchTexts.get(incident);
  if (text === undefined) {
    text = `${incident.id}\n${incident.title}\n${incident.services.join('\n')}`.toLowerCase();
    searchTexts.set(incident, text);
  }
  return text;
}
