import { INCIDENT_STATUSES } from '../domain';
import { FILTER_FLAGS, FILTER_KEYS, KEY_ALIASES } from './filter-query';

// What the filter bar offers at the cursor: keys while a word is being typed, the known values
// of a key after its colon (severities, statuses, flags, and the catalog's teams and services).
// Pure, so the bar only draws what this returns.

/** The severity words offered; the parser also takes every other word of the severity table. */
export const SEVERITY_WORDS = ['critical', 'major', 'minor', 'info'] as const;

export interface KnownValues {
  readonly teams: ReadonlyArray<string>;
  readonly services: ReadonlyArray<string>;
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
        return known.teams;
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
