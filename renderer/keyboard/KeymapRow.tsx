import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CommandSpec } from './command-catalog';
import { captureChordOf, chordLabel, SEQUENCE_TIMEOUT_MS } from './keymap';
import { captureChord, type KeyCapture } from './keymap-rebinding';
import { keyPressOf } from './keymap-registry';

export interface KeymapRowProps {
  readonly spec: CommandSpec;
  readonly keys: ReadonlyArray<string>;
  /** What else the same press would run, e.g. "Take command (c)". */
  readonly clashes: ReadonlyArray<string>;
  readonly capturing: boolean;
  readonly onStartCapture: () => void;
  readonly onKeys: (keys: ReadonlyArray<string>) => void;
  readonly onEndCapture: () => void;
}

const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
]);

/**
 * One command in the settings dialog: its keys, and "Change", which turns into a field that
 * takes the next key (or two, as a sequence) itself. The field handles its keys before the
 * console's keymap sees them (preventDefault), so Esc cancels the change, not the dialog.
 */
export function KeymapRow(props: KeymapRowProps) {
  const { spec, keys, clashes, capturing, onStartCapture, onKeys, onEndCapture } = props;
  const field = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const [capture, setCapture] = useState<KeyCapture | null>(null);
  const before = useRef(keys);
  // Focus goes back to "Change" only when the capture ended in the field, not after a Tab away.
  const refocus = useRef(false);
  // Ending twice (a key, then the blur as the field goes away) must not undo the refocus.
  const ended = useRef(true);

  const end = useCallback((): void => {
    if (ended.current) return;
    ended.current = true;
    refocus.current = document.activeElement === field.current;
    setCapture(null);
    onEndCapture();
  }, [onEndCapture]);
  useLayoutEffect(() => {
    if (capturing) field.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      change.current?.focus();
    }
  }, [capturing]);
  // A first key that could start a sequence waits for a second one, then the capture ends.
  const waiting = capturing && capture?.awaitingSecond === true;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(end, SEQUENCE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [waiting, end]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Tab' || MODIFIER_KEYS.has(event.key)) return;
    event.preventDefault();
    if (event.key === 'Escape') {
      onKeys(before.current);
      end();
      return;
    }
    const chord = captureChordOf(keyPressOf(event, 'other'));
    const next = captureChord(capture, chord, performance.now());
    setCapture(next);
    onKeys([next.key]);
    if (!next.awaitingSecond) end();
  };

  const conflict = clashes.length > 0;
  return (
    <li className="keymap-row" data-conflict={conflict ? 'true' : undefined}>
      <span className="keymap-row__name">{spec.description}</span>
      <span className="keymap-row__keys">
        {keys.map((key) => (
          <kbd key={key}>{chordLabel(key)}</kbd>
        ))}
        {(spec.fixedKeys ?? []).map((key) => (
          <kbd key={key} className="keymap-row__fixed" title="Always works">
            {chordLabel(key)}
          </kbd>
        ))}
        {keys.length === 0 && !spec.fixedKeys ? <span className="keymap-row__none">no key</span> : null}
      </span>
      {capturing ? (
        <input
          ref={field}
          readOnly
          className="field__input keymap-row__capture"
          aria-label={`New key for ${spec.description}`}
          placeholder="Press a key…"
          value={capture ? `${chordLabel(capture.key)}${capture.awaitingSecond ? ' …' : ''}` : ''}
          onKeyDown={onKeyDown}
          onBlur={end}
        />
      ) : (
        <button
          ref={change}
          type="button"
          className="button keymap-row__change"
          aria-label={`Change keys for ${spec.description}`}
          onClick={() => {
            before.current = keys;
            ended.current = false;
            onStartCapture();
          }}
        >
          Change
        </button>
      )}
      {conflict ? <p className="keymap-row__conflict">Same key as {clashes.join(', ')}</p> : null}
    </li>
  );
}
