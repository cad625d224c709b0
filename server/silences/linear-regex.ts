import { setFlagsFromString } from 'node:v8';

// Silence matchers come from Alertmanager (anyone who can use its UI or amtool) and are tested
// against label values, which are alert text. Alertmanager runs them with RE2, in linear time;
// V8's default engine backtracks, so `instance=~"(a+)+"` against forty a's and a "!" held the
// hub's only thread for hours: every console, ingest and escalation stopped. V8's linear engine
// (the `l` flag, no backreferences or lookarounds: what RE2 takes anyway) cannot backtrack.
//
// That engine refuses a counted repetition above 16 (`[a-z0-9]{1,63}`, a DNS label; `[0-9a-f]{32}`),
// which RE2 takes up to 1,000: such a silence covered nothing here while Alertmanager applied it.
// Spelled out (`x{2,4}` is `xxx?x?`) the same pattern is one the linear engine takes.

setFlagsFromString('--enable-experimental-regexp-engine');

/** The linear engine's largest count in `{m,n}`; beyond it a repetition is spelled out. */
const ENGINE_MAX_COUNT = 16;
/** RE2's largest count: beyond it Alertmanager itself refuses the pattern. */
const RE2_MAX_COUNT = 1000;
/**
 * A pattern spelled out larger than this is not compiled (RE2 limits a program's size too): the
 * linear engine's time grows with the pattern's size times the value's length, so this keeps a
 * silence no dearer to test than a long literal alternation such as Sitroom derives.
 */
const MAX_SPELLED_OUT = 4 * 1024;

/**
 * A matcher value anchored as Alertmanager anchors it, compiled for the linear-time engine; null
 * when it cannot run in linear time (or is not a regex): then it is taken to match nothing.
 */
export function compileLinear(source: string): RegExp | null {
  const compile = (pattern: string): RegExp | null => {
    try {
      return new RegExp(`^(?:${pattern})$`, 'l');
    } catch {
      return null;
    }
  };
  const direct = compile(source);
  if (direct !== null) return direct;
  const spelled = spellOutCounts(source);
  return spelled === null || spelled === source ? null : compile(spelled);
}

/**
 * `source` with every counted repetition above ENGINE_MAX_COUNT written out (`x{m,n}` as m x's
 * then n−m optional ones, `x{m,}` as m x's then `x*`); null when it cannot be read that way or
 * grows too large. Atoms are read as JavaScript reads them without the u flag.
 */
export function spellOutCounts(source: string): string | null {
  let at = 0;
  const sequence = (depth: number): string | null => {
    let out = '';
    let last: string | null = null;
    const flush = (): void => {
      if (last !== null) out += last;
      last = null;
    };
    while (at < source.length) {
      const char = source[at] as string;
      if (char === ')') {
        if (depth === 0) return null;
        break;
      }
      const count = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(at));
      if (count && last !== null) {
        const min = Number(count[1]);
        const max = count[2] === undefined ? min : count[3] === '' ? null : Number(count[3]);
        at += count[0].length;
        if (min > RE2_MAX_COUNT || (max !== null && (max > RE2_MAX_COUNT || max < min))) return null;
        if (min <= ENGINE_MAX_COUNT && (max === null || max <= ENGINE_MAX_COUNT)) {
          last += count[0];
        } else {
          const atom: string = `(?:${last})`;
          last = atom.repeat(min) + (max === null ? `${atom}*` : `${atom}?`.repeat(max - min));
        }
        if (out.length + last.length > MAX_SPELLED_OUT) return null;
        flush();
        continue;
      }
      if ('*+?'.includes(char) && last !== null) {
        // A quantifier (and a lazy mark after it) stays with its atom.
        const quantifier = /^[*+?]\??/.exec(source.slice(at))?.[0] ?? char;
        last += quantifier;
        at += quantifier.length;
        flush();
        continue;
      }
      flush();
      if (char === '\\') last = escapeAt();
      else if (char === '[') last = classAt();
      else if (char === '(') {
        const open = /^\((\?(:|<[A-Za-z_][A-Za-z0-9_]*>|[=!]|<[=!]))?/.exec(source.slice(at))?.[0] ?? '(';
        at += open.length;
        const inner = sequence(depth + 1);
        if (inner === null || source[at] !== ')') return null;
        at += 1;
        last = `${open}${inner})`;
      } else {
        last = char;
        at += 1;
      }
      if (last === null) return null;
      if (char === '|') flush();
    }
    flush();
    return out;
  };
  const escapeAt = (): string | null => {
    const text = /^\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|[\s\S])/.exec(source.slice(at))?.[0];
    if (text === undefined) return null;
    at += text.length;
    return text;
  };
  // As JavaScript reads a class: `[]` is an empty one, so the first unescaped `]` ends it.
  const classAt = (): string | null => {
    let end = at + 1;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    if (end >= source.length) return null;
    const text = source.slice(at, end + 1);
    at = end + 1;
    return text;
  };
  const spelled = sequence(0);
  return spelled !== null && at === source.length ? spelled : null;
}
