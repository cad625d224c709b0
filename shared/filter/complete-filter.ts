import { INCIDENT_STATUSES } from '../domain';
import { FILTER_FLAGS, FILTER_KEYS, KEY_ALIASES } from './filter-query';
import { quoteValue } from './print-filter';

/** A name or value that needs no quotes in a filter. */
const BARE = /^[^\s,"]+$/;

// What the filter bar offers at the cursor: keys while a word is being typed, the known values
// of a key after its colon (severities, statuses, flags, the teams on the open incidents and the
// catalog's, the catalog's services and those on the page's rows).
// Pure, so the bar only draws what this returns.

/** The severity words offered; the parser also takes every other word of the severity table. */
export const SEVERITY_WORDS = ['critical', 'major', 'minor', 'info'] as const;

export interface KnownValues {
  readonly teams: ReadonlyArray<string>;
  /**
   * What `service:` offers, sorted: the catalog's and the page's rows' (renderer servicesToOffer).
   * Read only when a `service:` value is completed, so the bar may make it then (a getter).
   */
  readonly services: ReadonlyArray<string>;
  /**
   * The host's answer to the last label question (labelQuestionAt): label names (`label` null)
   * or one label's values. Used only while it answers the question the cursor asks.
   */
  readonly labels?: { readonly label: string | null; readonly values: ReadonlyArray<string> };
}

/** What the host is asked to complete after `label:`: names, or one label's values. */
export interface LabelQuestionAt {
  readonly label: string | null;
  readonly prefix: string;
}

export interface FilterCompletion {
  /** The text between `from` and `to` is replaced by the chosen option. */
  readonly from: number;
  readonly to: number;
  readonly options: ReadonlyArray<string>;
}

const MAX_OPTIONS = 12;

/** What completes the word at `cursor` in `text`; no options when nothing fits. */
export function completeFilter(text: string, cursor: number, known: KnownValues): FilterCompletion {
  let start = cursor;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start -= 1;
  if (text[start] === '-') start += 1;
  const word = text.slice(start, cursor);
  if (word.startsWith('"')) return { from: cursor, to: cursor, options: [] };
  const colon = word.indexOf(':');
  if (colon === -1) {
    const typed = word.toLowerCase();
    const options = FILTER_KEYS.filter((key) => key.startsWith(typed) && key !== typed).map(
      (key) => `${key}:`,
    );
    return { from: start, to: cursor, options };
  }
  const key = KEY_ALIASES.get(word.slice(0, colon).toLowerCase());
  const lastComma = word.lastIndexOf(',');
  const valueStart = start + Math.max(lastComma, colon) + 1;
  const typed = text.slice(valueStart, cursor).toLowerCase();
  if (key === 'label') return completeLabel(text.slice(valueStart, cursor), valueStart, cursor, known);
  const chosen = new Set(
    word
      .slice(colon + 1)
      .toLowerCase()
      .split(','),
  );
  const candidates = ((): ReadonlyArray<string> => {
    switch (key) {
      case 'sev':
        return SEVERITY_WORDS;
      case 'status':
        return ['open', ...INCIDENT_STATUSES];
      case 'is':
        return FILTER_FLAGS;
      case 'team':
        return teamsToOffer(known);
      case 'service':
        return known.services;
      default:
        return [];
    }
  })();
  const options = candidates
    .filter(
      (value) =>
        value.toLowerCase().startsWith(typed) &&
        (value.toLowerCase() === typed || !chosen.has(value.toLowerCase())),
    )
    .filter((value) => value.toLowerCase() !== typed)
    .slice(0, MAX_OPTIONS);
  return { from: valueStart, to: cursor, options };
}

/**
 * The teams `team:` offers: the `team` label values on the open incidents (the host's answer,
 * most incidents first), then the catalog's other teams. Live ones need quotes when they hold a
 * space or comma; the catalog's are ids.
 */
function teamsToOffer(known: KnownValues): ReadonlyArray<string> {
  const live = known.labels?.label === TEAM_LABEL ? known.labels.values.map(quoteValue) : [];
  const listed = new Set(live);
  return [...live, ...known.teams.filter((team) => !listed.has(team.toLowerCase()))];
}

/** The alert label `team:` also matches (docs/filters.md), so the host is asked its values. */
const TEAM_LABEL = 'team';

/**
 * The word at the cursor, if it is a value of a `label:` term (or of `team:`, whose live values
 * are those of the `team` label): where it starts, what it is, and which key.
 */
function labelWordAt(
  text: string,
  cursor: number,
): { readonly start: number; readonly typed: string; readonly key: 'label' | 'team' } | null {
  let start = cursor;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start -= 1;
  if (text[start] === '-') start += 1;
  const word = text.slice(start, cursor);
  const colon = word.indexOf(':');
  if (colon === -1 || word.startsWith('"')) return null;
  const key = KEY_ALIASES.get(word.slice(0, colon).toLowerCase());
  if (key !== 'label' && key !== 'team') return null;
  const valueStart = start + Math.max(word.lastIndexOf(','), colon) + 1;
  const typed = text.slice(valueStart, cursor);
  return typed.startsWith('"') ? null : { start: valueStart, typed, key };
}

/**
 * What to ask the host while the cursor is in a `label:` value: the names starting with what is
 * typed (`label:reg`), or after `=` the values of that label (`label:region=eu`); in a `team:`
 * value, the values of the `team` label. Null elsewhere.
 */
export function labelQuestionAt(text: string, cursor: number): LabelQuestionAt | null {
  const word = labelWordAt(text, cursor);
  if (word === null) return null;
  if (word.key === 'team') return { label: TEAM_LABEL, prefix: word.typed.toLowerCase() };
  const equals = word.typed.indexOf('=');
  if (equals === -1) return { label: null, prefix: word.typed.toLowerCase() };
  const label = word.typed.slice(0, equals).toLowerCase();
  return label === '' ? null : { label, prefix: word.typed.slice(equals + 1).toLowerCase() };
}

/** Label names (each offered with its "="), or after "=" the values of that label. */
function completeLabel(typed: string, from: number, cursor: number, known: KnownValues): FilterCompletion {
  const equals = typed.indexOf('=');
  const label = equals === -1 ? null : typed.slice(0, equals).toLowerCase();
  const answer = known.labels;
  if (!answer || answer.label !== label) return { from: cursor, to: cursor, options: [] };
  const prefix = (equals === -1 ? typed : typed.slice(equals + 1)).toLowerCase();
  const fitting = answer.values.filter((value) => value.startsWith(prefix));
  if (label === null) {
    // A name that would need quotes cannot take "=value" after it: those are typed by hand.
    const options = fitting.filter((name) => BARE.test(name)).map((name) => `${name}=`);
    return { from, to: cursor, options: options.slice(0, MAX_OPTIONS) };
  }
  const values = fitting.filter((value) => value !== prefix).slice(0, MAX_OPTIONS);
  // A value with a space, comma or quote is offered as the whole test, quoted.
  if (values.every((value) => BARE.test(value)))
    return { from: from + equals + 1, to: cursor, options: values };
  return { from, to: cursor, options: values.map((value) => quoteValue(`${label}=${value}`)) };
}
