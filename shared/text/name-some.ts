// Lists of names that come from a catalog or from alerts (services, teams) can run to thousands:
// a sentence a person reads names the first few and counts the rest.

/** How many names a sentence lists before "and N more". */
export const NAMES_SHOWN = 5;
/** A name longer than this is cut, with "…". */
export const NAME_CHARS = 64;

/** "a, b, c, d, e and 7 more": the first `shown` names (each cut to NAME_CHARS), then a count. */
export function nameSome(names: ReadonlyArray<string>, shown = NAMES_SHOWN): string {
  const named: string[] = [];
  for (let i = 0; i < names.length && i < shown; i++) {
    const name = names[i] ?? '';
    named.push(name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name);
  }
  const more = names.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
