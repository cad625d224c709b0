import type { FilterError } from './filter-query';
import { parseFilter } from './parse-filter';

// While the filter text has an error, the board applies the terms before the one that went wrong.
// Keeping the last text that parsed instead applied a half-typed word as free text: on the way
// to `sev:critical`, `sev` matched nothing, and the board said "no open incident matches" in the
// middle of an outage. A term being typed hides nothing until it reads.

/** Prefixes tried at most: each is a parse, and a key must stay cheap on a 1,000-character text. */
const MAX_TRIES = 8;

/** The longest run of whole terms before `error` that parses; '' when there is none. */
export function termsBeforeError(source: string, error: FilterError): string {
  const limit = Math.min(error.offset, source.length);
  // Where terms end: after a space outside quotes, found in one pass (trying every space, those
  // inside a long quoted phrase too, cost a parse each: 5–16 ms a key on a 1,000-character text).
  const ends: number[] = [];
  let quoted = false;
  for (let i = 0; i < limit; i++) {
    const char = source[i] as string;
    if (quoted && char === '\\') i += 1;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(char)) ends.push(i + 1);
  }
  let tries = 0;
  let last: string | null = null;
  for (let k = ends.length - 1; k >= 0 && tries < MAX_TRIES; k--) {
    const prefix = source.slice(0, ends[k]).trimEnd();
    if (prefix === '') return '';
    if (prefix === last) continue;
    last = prefix;
    tries += 1;
    if (parseFilter(prefix).ok) return prefix;
  }
  return '';
}
