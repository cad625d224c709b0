import { type FormEvent, useState } from 'react';
import { Dialog } from '../../dialog/Dialog';
import { KeyHint } from '../../keyboard/KeyHint';

const MAX_NOTE_LENGTH = 10_000;

/** A plain-text note for the timeline. Ctrl+Enter adds it; Enter is a new line. */
export function NoteDialog({
  onAdd,
  onClose,
}: {
  readonly onAdd: (text: string) => void;
  readonly onClose: () => void;
}) {
  const [text, setText] = useState('');
  const ready = text.trim() !== '';
  const add = (): void => {
    if (ready) onAdd(text);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    add();
  };
  return (
    <Dialog
      title="Add note"
      onClose={onClose}
      keys={[{ keys: ['Mod+Enter'], description: 'Add the note', run: add, whileTyping: true }]}
      className="note-dialog"
    >
      <form onSubmit={submit}>
        <label className="field">
          <span className="field__label">Note (plain text; http(s) links become clickable)</span>
          <textarea
            className="field__input field__input--note"
            value={text}
            maxLength={MAX_NOTE_LENGTH}
            rows={6}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <div className="dialog__buttons">
          <button type="submit" className="button button--primary" aria-disabled={!ready}>
            Add note <KeyHint chord="Mod+Enter" />
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel <KeyHint chord="Escape" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
