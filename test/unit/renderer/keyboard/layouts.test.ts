import { describe, expect, it } from 'vitest';
import {
  captureChordOf,
  chordsOf,
  type KeyBinding,
  type KeyLayer,
  type KeyPress,
  resolveKeyPress,
} from '../../../../renderer/keyboard/keymap';
import { latinKeyOf } from '../../../../renderer/keyboard/physical-keys';

// Keys as editors match them: by the character typed (event.key) first, with Caps Lock's effect
// on letters undone, then by the key's position (event.code) when the layout prints no Latin
// character — so Ctrl+K works with Caps Lock on, and j/k, "g b" and Ctrl+K work on a Cyrillic
// layout, while a Latin layout's own characters keep their meaning.

const ran: string[] = [];
const binding = (keys: string[], description: string, extra: Partial<KeyBinding> = {}): KeyBinding => ({
  keys,
  description,
  run: () => ran.push(description),
  ...extra,
});
const layers: KeyLayer[] = [
  {
    context: 'global',
    order: 0,
    bindings: [binding(['Mod+k'], 'Palette'), binding(['g b'], 'Board'), binding([','], 'Settings')],
  },
  {
    context: 'board',
    order: 1,
    bindings: [binding(['j'], 'Next', { repeat: true }), binding(['k'], 'Previous'), binding(['J'], 'Jump')],
  },
];
const press = (key: string, code: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  target: 'other',
  ...extra,
});
const meaning = (p: KeyPress, pending: Parameters<typeof resolveKeyPress>[2] = null) =>
  resolveKeyPress(layers, p, pending, 0);
const described = (p: KeyPress) => meaning(p).binding?.description ?? null;

describe('keys with Caps Lock on', () => {
  it('Ctrl+K opens the palette, and j still moves', () => {
    expect(described(press('K', 'KeyK', { ctrlKey: true, capsLock: true }))).toBe('Palette');
    expect(described(press('J', 'KeyJ', { capsLock: true }))).toBe('Next');
    // Shift with Caps Lock types a small letter: it still means Shift+j.
    expect(described(press('j', 'KeyJ', { shiftKey: true, capsLock: true }))).toBe('Jump');
  });

  it('fails without the Caps Lock state, as it did before', () => {
    expect(described(press('K', 'KeyK', { ctrlKey: true }))).toBeNull();
  });
});

describe('keys on a Cyrillic layout (ЙЦУКЕН)', () => {
  it('j and k move by position: "о" is the J key, "л" the K key', () => {
    expect(described(press('о', 'KeyJ'))).toBe('Next');
    expect(described(press('л', 'KeyK'))).toBe('Previous');
    expect(described(press('О', 'KeyJ', { shiftKey: true }))).toBe('Jump');
    expect(described(press('л', 'KeyK', { ctrlKey: true }))).toBe('Palette');
  });

  it('completes a sequence by position: "п" then "и" is g b', () => {
    const first = meaning(press('п', 'KeyG'));
    expect(first).toMatchObject({ handled: true, pending: { chord: 'g' } });
    expect(meaning(press('и', 'KeyB'), first.pending).binding?.description).toBe('Board');
  });

  it('still leaves text fields alone', () => {
    expect(meaning(press('о', 'KeyJ', { target: 'text' }))).toEqual({
      binding: null,
      handled: false,
      pending: null,
    });
  });

  it('records a new binding by position, so it works when the layout is switched back', () => {
    expect(captureChordOf(press('о', 'KeyJ'))).toBe('j');
    expect(captureChordOf(press('л', 'KeyK', { ctrlKey: true }))).toBe('Mod+k');
  });
});

describe('keys on Latin layouts', () => {
  it('take the character typed: on AZERTY the A key types "q", which means nothing here', () => {
    expect(chordsOf(press('q', 'KeyA'))).toEqual(['q']);
    expect(chordsOf(press('a', 'KeyQ'))).toEqual(['a']);
    expect(described(press(',', 'KeyM'))).toBe('Settings');
  });

  it('never read an accented letter by position: German "ß" is not "-", "ü" not "[", French "é" not "2"', () => {
    const latinLayers: KeyLayer[] = [
      {
        context: 'map',
        order: 0,
        bindings: [binding(['-'], 'Narrower'), binding(['['], 'Shorter'), binding(['2'], 'Second')],
      },
    ];
    const meant = (p: KeyPress) => resolveKeyPress(latinLayers, p, null, 0).binding?.description ?? null;
    expect(chordsOf(press('ß', 'Minus'))).toEqual(['ß']);
    expect(meant(press('ß', 'Minus'))).toBeNull();
    expect(meant(press('ü', 'BracketLeft'))).toBeNull();
    expect(meant(press('é', 'Digit2'))).toBeNull();
    expect(meant(press('ù', 'Quote'))).toBeNull();
    // The layout's own "-" (Slash on QWERTZ) and Shift+2 on AZERTY still mean what they print.
    expect(meant(press('-', 'Slash'))).toBe('Narrower');
    expect(meant(press('2', 'Digit2', { shiftKey: true }))).toBe('Second');
  });

  it('tries a dead key by position', () => {
    expect(chordsOf(press('Dead', 'KeyJ'))).toEqual(['Dead', 'j']);
  });

  it('knows the US layout by position', () => {
    expect(latinKeyOf('KeyJ', false)).toBe('j');
    expect(latinKeyOf('KeyJ', true)).toBe('J');
    expect(latinKeyOf('Slash', true)).toBe('?');
    expect(latinKeyOf('Digit4', false)).toBe('4');
    expect(latinKeyOf('Digit4', true)).toBeNull();
    expect(latinKeyOf('F5', false)).toBeNull();
  });
});
