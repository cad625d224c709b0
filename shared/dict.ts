// Tables keyed by outside text: alert fingerprints and labels, PagerDuty dedup keys, severity
// words, service, team, person and config names. A plain `{}` inherits from Object.prototype, so
// a key like `constructor` reads a function that was never stored and `__proto__` writes a
// prototype instead of an entry (an alert vanishes, a severity becomes undefined). Such tables are
// Maps, or these null-prototype objects where the value must stay JSON (incidents on the wire).
// test/unit/security/plain-object-keys.test.ts finds code that builds a plain one again.

/** An object with no prototype, used as a string-keyed table. */
export type Dict<T> = Record<string, T>;

/** A new empty table: no inherited keys, `__proto__` is an ordinary key. */
export function emptyDict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/** A null-prototype copy of an object's own entries (a JSON-parsed `"__proto__"` key included). */
export function dictOf<T>(source: Readonly<Record<string, T>> | null | undefined): Dict<T> {
  const dict = emptyDict<T>();
  if (!source) return dict;
  for (const key of Object.keys(source)) dict[key] = source[key] as T;
  return dict;
}

/** A table from [key, value] pairs; later pairs win, as in Object.fromEntries. */
export function dictFromEntries<T>(entries: Iterable<readonly [string, T]>): Dict<T> {
  const dict = emptyDict<T>();
  for (const [key, value] of entries) dict[key] = value;
  return dict;
}

/** The value stored under `key` itself, never one inherited from a prototype. */
export function ownValue<T>(
  table: Readonly<Record<string, T>> | null | undefined,
  key: string,
): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}
