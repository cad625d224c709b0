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

/** A picker: one button per choice, and digits 1–9 pick directly. */
export function ChoiceDialog({ title, intro, choices, empty, onChoose, onClose }: ChoiceDialogProps) {
  const first = useRef<HTMLButtonElement>(null);
  const keys: KeyBinding[] = choices.slice(0, 9).map((choice, index) => ({
    keys: [String(index + 1)],
    description: `Choose ${typeof choice.label === 'string' ? choice.label : choice.id}`,
    run: () => onChoose(choice.id),
  }));
  return (
    <Dialog title={title} onClose={onClose} keys={keys} initialFocus={first} className="choice-dialog">
      {intro ? <p className="dialog__text">{intro}</p> : null}
      {choices.length === 0 ? <p className="dialog__text">{empty ?? 'Nothing to choose from.'}</p> : null}
      <ul className="choice-dialog__list">
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
