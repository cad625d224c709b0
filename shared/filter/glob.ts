// Wildcards in filter values: `*` matches any run of characters, the rest literally, anchored at
// both ends. Matched by walking the literal parts with indexOf, never by building a RegExp, so a
// value like `*a*a*a*a*b` cannot make the board backtrack for seconds.

export type Glob = (text: string) => boolean;

/** A matcher of lower-case text for a lower-case pattern. */
export function compileGlob(pattern: string): Glob {
  if (!pattern.includes('*')) return (text) => text === pattern;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  const fixed = first.length + last.length;
  return (text) => {
    if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
