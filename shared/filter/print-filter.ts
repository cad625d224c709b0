import type { FilterQuery, FilterTerm } from './filter-query';

// A FilterQuery written back as text that parses to the same query: the canonical form saved
// filters and the property tests use.

/** What a bare free-text word may hold; a value after "key:" may also hold ":". */
const BARE_WORD = /^[^\s,":]+$/;
const BARE_VALUE = /^[^\s,"]+$/;

const quoted = (value: string): string => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** A value after "key:", bare when it can be, else quoted with `"` and `\` escaped. */
export function quoteValue(value: string): string {
  return BARE_VALUE.test(value) ? value : quoted(value);
}

function termText(term: FilterTerm): string {
  const sign = term.negated ? '-' : '';
  switch (term.key) {
    case 'text': {
      const [text] = term.values;
      // A bare word that is a key or a flag word would read back as something else.
      const bare = BARE_WORD.test(text) && !text.startsWith('-') && text !== 'acked' && text !== 'unacked';
      return `${sign}${bare ? text : quoted(text)}`;
    }
    case 'label':
      return `${sign}label:${term.values
        .map((test) => quoteValue(test.pattern === null ? test.name : `${test.name}=${test.pattern}`))
        .join(',')}`;
    default:
      return `${sign}${term.key}:${term.values.map(quoteValue).join(',')}`;
  }
}

/** The query as filter text. */
export function printFilter(query: FilterQuery): string {
  return query.terms.map(termText).join(' ');
}
