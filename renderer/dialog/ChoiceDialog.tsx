import { type ReactNode, useRef } from 'react';
import { KeyHint } from '../keyboard/KeyHint';
import type { KeyBinding } from '../keyboard/keymap';
import { Dialog } from './Dialog';

export interface Choice {
  readonly id: string;
  readonly label: ReactNode;
  /** A second line, e.g. a person's role; outside text in it goes in an Untrusted. */
  readonly detail?: ReactNode;
  /** Shown as the current value; choosing it again is still allowed (the hub will say so). */
  readonly current?: boolean;
}

export interface ChoiceDialogProps {
  readonly title: string;
  readonly intro?: string;
  readonly choices: ReadonlyArray<Choice>;
  readonly empty?: string;
  readonly onChoose: (id: string) => void;
  readonly onClose: () => void;
}

/**
 * A picker: one button per choice, digits 1–9 pick directly, and the arrows, Home and End move
 * between the choices. Only nine have a digit; without the arrows a list longer than the screen
 * scrolled under a focus that stayed on the first choice, out of sight, and Enter took that one.
 */
export function ChoiceDialog({ title, intro, choices, empty, onChoose, onClose }: ChoiceDialogProps) {
  const first = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Read from the DOM at the key press: live data may have reordered or replaced the choices.
  const focusChoice = (pick: (buttons: HTMLButtonElement[], at: number) => number): void => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.choice') ?? [])];
    if (buttons.length === 0) return;
    const at = buttons.findIndex((button) => button === document.activeElement);
    const next = Math.min(buttons.length - 1, Math.max(0, pick(buttons, at)));
    buttons[next]?.focus();
  };
  const keys: KeyBinding[] = [
    ...choices.slice(0, 9).map((choice, index) => ({
      keys: [String(index + 1)],
      description: `Choose ${typeof choice.label === 'string' ? choice.label : choice.id}`,
      run: () => onChoose(choice.id),
    })),
    {
      keys: ['ArrowDown'],
      description: 'Next choice',
      run: () => focusChoice((_, at) => at + 1),
      repeat: true,
    },
    {
      keys: ['ArrowUp'],
      description: 'Previous choice',
      // From outside the list (Cancel), up goes to the last choice.
      run: () => focusChoice((buttons, at) => (at < 0 ? buttons.length - 1 : at - 1)),
      repeat: true,
    },
    { keys: ['Home'], description: 'First choice', run: () => focusChoice(() => 0) },
    { keys: ['End'], description: 'Last choice', run: () => focusChoice((buttons) => buttons.length - 1) },
  ];
  return (
    <Dialog title={title} onClose={onClose} keys={keys} initialFocus={first} className="choice-dialog">
      {intro ? <p className="dialog__text">{intro}</p> : null}
      {choices.length === 0 ? <p className="dialog__text">{empty ?? 'Nothing to choose from.'}</p> : null}
      <ul ref={list} className="choice-dialog__list">
        {choices.map((choice, index) => (
          <li key={choice.id}>
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              className="choice"
              aria-current={choice.current ? 'true' : undefined}
              onClick={() => onChoose(choice.id)}
            >
              {index < 9 ? <KeyHint chord={String(index + 1)} /> : null}
              <span className="choice__label">{choice.label}</span>
              {choice.detail ? <span className="choice__detail">{choice.detail}</span> : null}
              {choice.current ? <span className="choice__current">current</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onClose}>
          Cancel <KeyHint chord="Escape" />
        </button>
      </div>
    </Dialog>
  );
}
