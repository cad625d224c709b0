import { type ReactNode, useRef } from 'react';
import { KeyHint } from '../keyboard/KeyHint';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  readonly title: string;
  /** What will happen; outside text in it (a title) goes in an Untrusted. */
  readonly message: ReactNode;
  /** The confirming button's name: the action itself ("Resolve"), never "OK". */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks before an action that is hard to undo. Enter confirms, Esc cancels. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      initialFocus={confirm}
      keys={[{ keys: ['Enter'], description: confirmLabel, run: onConfirm }]}
      className="confirm-dialog"
    >
      <p className="dialog__text">{message}</p>
      <div className="dialog__buttons">
        <button ref={confirm} type="button" className="button button--primary" onClick={onConfirm}>
          {confirmLabel} <KeyHint chord="Enter" />
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel <KeyHint chord="Escape" />
        </button>
      </div>
    </Dialog>
  );
}
