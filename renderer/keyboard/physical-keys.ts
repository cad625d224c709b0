import type { KeyPress } from './keymap';

// Which key a press means, as editors decide it. The printed character (`event.key`) comes
// first, so a rebinding to "ü" or "é" works on the layouts that have them. Two cases need more:
// Caps Lock turns "j" into "J" and Ctrl+K into Ctrl+Shift-less "K", so with Caps Lock on a
// letter's case is turned back (Shift still makes capitals); and a layout without Latin letters
// (Cyrillic, Greek, Hebrew…) prints "о" for the J key, so when the character is a letter of
// another script the key's position (`event.code`, named after the US layout) is tried next, as
// VS Code and the JetBrains editors do. A Latin layout's own characters are never read by
// position, accented or not: on AZERTY the A key is "q", and on German QWERTZ "ß" (where the US
// layout has "-") and "ü" (where it has "[") mean nothing, rather than narrowing the map or the
// statistics' range.

/** The US-layout character at each position, unshifted and shifted, for the code fallback. */
const POSITIONS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['Minus', ['-', '_']],
  ['Equal', ['=', '+']],
  ['BracketLeft', ['[', '{']],
  ['BracketRight', [']', '}']],
  ['Backslash', ['\\', '|']],
  ['Semicolon', [';', ':']],
  ['Quote', ["'", '"']],
  ['Backquote', ['`', '~']],
  ['Comma', [',', '<']],
  ['Period', ['.', '>']],
  ['Slash', ['/', '?']],
] as const);

/** The character the US layout prints at `code`, or null for keys that print none. */
export function latinKeyOf(code: string, shift: boolean): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) return shift ? null : digit;
  const position = POSITIONS.get(code);
  return position ? position[shift ? 1 : 0] : null;
}

/** A letter of a script other than Latin: a layout that cannot type the Latin keys at all. */
const isOtherScriptLetter = (key: string): boolean => /^\p{L}$/u.test(key) && !/\p{Script=Latin}/u.test(key);
const hasCase = (key: string): boolean => key.toLowerCase() !== key.toUpperCase();

/** The press with Caps Lock's effect on a single letter undone. */
export function withoutCapsLock<P extends Pick<KeyPress, 'key' | 'capsLock'>>(press: P): P {
  if (!press.capsLock || press.key.length !== 1 || !hasCase(press.key)) return press;
  const flipped = press.key === press.key.toUpperCase() ? press.key.toLowerCase() : press.key.toUpperCase();
  return { ...press, key: flipped };
}

/**
 * The key by position, for a press whose character is a letter of another script (a non-Latin
 * layout) or is not known (a dead key); null when the character itself is what counts.
 */
export function positionalKey(press: Pick<KeyPress, 'key' | 'code' | 'shiftKey'>): string | null {
  if (press.code === undefined || press.code === '') return null;
  const printable = press.key.length === 1;
  if (printable && !isOtherScriptLetter(press.key)) return null;
  if (!printable && press.key !== 'Unidentified' && press.key !== 'Dead') return null;
  const latin = latinKeyOf(press.code, press.shiftKey);
  return latin === null || latin === press.key ? null : latin;
}
