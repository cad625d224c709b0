import { describe, expect, it } from 'vitest';
import {
  type KeyBinding,
  type KeyContext,
  type KeyLayer,
  type KeyPress,
  type PendingSequence,
  resolveKeyPress,
  SEQUENCE_TIMEOUT_MS,
} from '../../../../renderer/keyboard/keymap';

// Two-key sequences: "g" waits for the next key; "g b" runs, anything else or a late key cancels.

const binding = (keys: string[], description: string): KeyBinding => ({ keys, description, run: () => {} });
const layer = (context: KeyContext, ...bindings: KeyBinding[]): KeyLayer => ({ context, order: 1, bindings });
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

const global = layer(
  'global',
  binding(['g b'], 'Go to the board'),
  binding(['g e'], 'Go to the escalations'),
);
const incident = layer('incident', binding(['a'], 'Acknowledge'), binding(['Escape'], 'Back'));
const layers = [global, incident];
const pendingG: PendingSequence = { chord: 'g', at: 1000 };

describe('resolveKeyPress with sequences', () => {
  it('takes "g" as the start of a sequence, then "b" runs it', () => {
    const first = resolveKeyPress(layers, press('g'), null, 1000);
    expect(first).toEqual({ binding: null, handled: true, pending: pendingG });
    const second = resolveKeyPress(layers, press('b'), first.pending, 1800);
    expect(second.binding?.description).toBe('Go to the board');
    expect(second.pending).toBeNull();
  });

  it('forgets a "g" that waited too long: the next key means what it means alone', () => {
    const late = resolveKeyPress(layers, press('b'), pendingG, 1000 + SEQUENCE_TIMEOUT_MS + 1);
    expect(late).toEqual({ binding: null, handled: false, pending: null });
    const ack = resolveKeyPress(layers, press('a'), pendingG, 1000 + SEQUENCE_TIMEOUT_MS + 1);
    expect(ack.binding?.description).toBe('Acknowledge');
  });

  it('cancels on a key that completes no sequence, and swallows it rather than acting', () => {
    const typo = resolveKeyPress(layers, press('a'), pendingG, 1200);
    expect(typo).toEqual({ binding: null, handled: true, pending: null });
  });

  it('cancels on Esc without also leaving the incident', () => {
    const cancelled = resolveKeyPress(layers, press('Escape'), pendingG, 1200);
    expect(cancelled).toEqual({ binding: null, handled: true, pending: null });
  });

  it('keeps waiting through a modifier held on its own', () => {
    const shift = resolveKeyPress(layers, press('Shift', { shiftKey: true }), pendingG, 1200);
    expect(shift).toEqual({ binding: null, handled: false, pending: pendingG });
  });

  it('does not start a sequence while typing, nor from a held key', () => {
    expect(resolveKeyPress(layers, press('g', { target: 'text' }), null, 0).handled).toBe(false);
    expect(resolveKeyPress(layers, press('g', { repeat: true }), null, 0).handled).toBe(false);
  });

  it('lets a dialog keep every key, sequences included', () => {
    const dialog = layer('dialog', binding(['Escape'], 'Close'));
    expect(resolveKeyPress([...layers, dialog], press('g'), null, 0).handled).toBe(false);
  });

  it('gives a view key precedence over a global sequence that starts with it', () => {
    const assign = layer('incident', binding(['g'], 'Assign commander'));
    expect(resolveKeyPress([global, assign], press('g'), null, 0).binding?.description).toBe(
      'Assign commander',
    );
  });
});
