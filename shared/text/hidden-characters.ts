// Characters that change how text around them reads without being seen: bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069: "‮gnp.exe" shows as "exe.png"),
// zero-width spaces and joiners used to split look-alike words (U+200B, U+2060, U+FEFF, U+180E,
// U+2061–U+2064), and control characters (C0 and C1). Alert text is hostile, so wherever it is
// shown to a person (the console, exports) each is replaced by a visible "<U+202E>", except NUL,
// which is dropped (files and tools take it for the end of the text). ZWJ/ZWNJ and LRM/RLM stay:
// emoji, Persian and Indic text need them, and they cannot reorder a line. Tab, line feed and
// carriage return stay too; each format deals with lines itself.

const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u180E\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The code point as people look it up: U+202E. */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text with every hidden character shown as "<U+XXXX>", and NUL removed. */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN, (char) => (char === '\u0000' ? '' : `<${codePoint(char)}>`));
}
