import { describe, expect, it } from 'vitest';
import {
  activeLayers,
  chordLabel,
  chordOf,
  type KeyBinding,
  type KeyContext,
  type KeyLayer,
  type KeyPress,
  resolveKey,
} from '../../../../renderer/keyboard/keymap';

const binding = (keys: string[], description: string, extra: Partial<KeyBinding> = {}): KeyBinding => ({
  keys,
  description,
  run: () => {},
  ...extra,
});
const layer = (context: KeyContext, order: number, ...bindings: KeyBinding[]): KeyLayer => ({
  context,
  order,
  bindings,
});
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  target: 'other',
  ...extra,
});

const global = layer('global', 0, binding(['?'], 'Cheat sheet'));
const board = layer(
  'board',
  1,
  binding(['j', 'ArrowDown'], 'Next', { repeat: true }),
  binding(['Enter'], 'Open'),
);
const incident = layer('incident', 2, binding(['a'], 'Acknowledge'), binding(['Escape'], 'Back'));
const incidentExport = layer('incident', 3, binding(['x'], 'Export'));
const noteDialog = layer(
  'dialog',
  4,
  binding(['Escape'], 'Close', { whileTyping: true }),
  binding(['Mod+Enter'], 'Add note', { whileTyping: true }),
);
const description = (layers: KeyLayer[], key: KeyPress) => resolveKey(layers, key)?.description ?? null;

describe('resolveKey', () => {
  it('uses the board keys on the board, with the global keys', () => {
    expect(description([global, board], press('j'))).toBe('Next');
    expect(description([global, board], press('ArrowDown'))).toBe('Next');
    expect(description([global, board], press('?', { shiftKey: true }))).toBe('Cheat sheet');
    expect(description([global, board], press('a'))).toBeNull();
  });

  it('lets the incident view take over from the board still mounted under it', () => {
    const layers = [global, board, incident, incidentExport];
    expect(description(layers, press('a'))).toBe('Acknowledge');
    expect(description(layers, press('x'))).toBe('Export');
    expect(description(layers, press('j'))).toBeNull();
    expect(description(layers, press('Escape'))).toBe('Back');
  });

  it('gives an open dialog every key, and only the newest dialog', () => {
    const layers = [global, board, incident, noteDialog];
    expect(description(layers, press('a'))).toBeNull();
    expect(description(layers, press('?'))).toBeNull();
    expect(description(layers, press('Escape'))).toBe('Close');
    const confirm = layer('dialog', 5, binding(['Enter'], 'Confirm'));
    expect(description([...layers, confirm], press('Enter'))).toBe('Confirm');
    expect(description([...layers, confirm], press('Escape'))).toBeNull();
  });

  it('ignores single keys while typing, but not Escape or Mod+Enter when the binding allows', () => {
    const layers = [global, incident, noteDialog];
    expect(description([global, incident], press('a', { target: 'text' }))).toBeNull();
    expect(description(layers, press('Escape', { target: 'text' }))).toBe('Close');
    expect(description(layers, press('Enter', { target: 'text', ctrlKey: true }))).toBe('Add note');
    expect(description(layers, press('Enter', { target: 'text', metaKey: true }))).toBe('Add note');
  });

  it('leaves Enter and Space on a focused button to the button', () => {
    expect(description([board], press('Enter', { target: 'button' }))).toBeNull();
    expect(description([board], press(' ', { target: 'button' }))).toBeNull();
    expect(description([incident], press('a', { target: 'button' }))).toBe('Acknowledge');
  });

  it('does not take keys held with modifiers the binding does not name', () => {
    expect(description([incident], press('a', { ctrlKey: true }))).toBeNull();
    expect(description([incident], press('a', { altKey: true }))).toBeNull();
  });

  it('repeats only bindings that ask for it', () => {
    expect(description([board], press('j', { repeat: true }))).toBe('Next');
    expect(description([incident], press('a', { repeat: true }))).toBeNull();
  });
});

describe('activeLayers', () => {
  it('lists the view layers and the global keys, or the top dialog alone', () => {
    expect(activeLayers([global, board, incident, incidentExport])).toEqual([
      incident,
      incidentExport,
      global,
    ]);
    expect(activeLayers([global, board, noteDialog])).toEqual([noteDialog]);
    expect(activeLayers([global])).toEqual([global]);
  });
});

describe('chordOf and chordLabel', () => {
  it('spell chords the same way bindings do and print them for people', () => {
    expect(chordOf(press('Enter', { ctrlKey: true }))).toBe('Mod+Enter');
    expect(chordOf(press('Tab', { shiftKey: true }))).toBe('Shift+Tab');
    expect(chordOf(press('?', { shiftKey: true }))).toBe('?');
    expect(chordLabel('Mod+Enter')).toBe('Ctrl+Enter');
    expect(chordLabel('Escape')).toBe('Esc');
    expect(chordLabel('ArrowDown')).toBe('↓');
  });

  it('spell Space out, so that a space only ever separates the keys of a sequence', () => {
    expect(chordOf(press(' '))).toBe('Space');
    expect(chordLabel('g b')).toBe('g b');
    expect(chordLabel('Mod+k')).toBe('Ctrl+K');
    expect(chordLabel('Mod++')).toBe('Ctrl++');
  });
});
