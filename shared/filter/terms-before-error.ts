import type { FilterError } from './filter-query';
import { parseFilter } from './parse-filter';

// While the filter text has an error, the board applies the terms before the one that went wrong.
// Keeping the last text that parsed instead applied a half-typed word as free text: on the way
// to `sev:critical`, `sev` matched nothing, and the board said "no open incident matches" in the
// middle of an outage. A term being typed hides nothing until it reads.

/** The longest run of whole terms before `error` that parses; '' when there is none. */
export function termsBeforeError(source: string, error: FilterError): string {
  let end = Math.min(error.offset, source.length);
  while (end > 0) {
    // Cut only where a term ends: after a space (one inside quotes makes a prefix that does not
    // parse, and the search goes on before it).
    if (/\s/.test(source[end - 1] ?? '')) {
      const prefix = source.slice(0, end).trimEnd();
      if (prefix === '' || parseFilter(prefix).ok) return prefix;
      end = prefix.length;
    } else end -= 1;
  }
  return '';
}
