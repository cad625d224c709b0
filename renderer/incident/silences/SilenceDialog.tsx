import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  durationText,
  matchersToText,
  parseDuration,
  parseMatchers,
} from '../../../shared/silences/matcher-text';
import type { SilenceMatcher } from '../../../shared/silences/matchers';
import { Dialog } from '../../dialog/Dialog';
import { KeyHint } from '../../keyboard/KeyHint';

export interface SilenceRequest {
  readonly minutes: number;
  readonly comment: string;
  /** Absent when the operator left the derived matchers as they were: the hub derives the same. */
  readonly matchers?: SilenceMatcher[];
}

/**
 * Silence the incident's alerts in Alertmanager: how long, why, and the matchers (derived from
 * the alerts, one per line as amtool writes them, editable). Ctrl+Enter sends; every field is a
 * plain input, so Tab walks them and nothing needs a mouse.
 */
export function SilenceDialog({
  incidentId,
  derived,
  onSilence,
  onClose,
}: {
  readonly incidentId: string;
  readonly derived: ReadonlyArray<SilenceMatcher>;
  readonly onSilence: (request: SilenceRequest) => void;
  readonly onClose: () => void;
}) {
  const first = useRef<HTMLInputElement>(null);
  const derivedText = matchersToText(derived);
  const [duration, setDuration] = useState('2h');
  const [comment, setComment] = useState('');
  const [matcherText, setMatcherText] = useState(derivedText);
  const [edited, setEdited] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The incident's alerts reach the view a moment after it opens (and new ones keep coming):
  // untouched matchers follow them; once the operator edits, their text is theirs.
  useEffect(() => {
    if (!edited) setMatcherText(derivedText);
  }, [derivedText, edited]);

  const minutes = parseDuration(duration);
  const send = (): void => {
    const matchers = parseMatchers(matcherText);
    const problem = !minutes.ok
      ? `Duration: ${minutes.message}`
      : comment.trim() === ''
        ? 'Comment: say why, for whoever finds the silence later.'
        : !matchers.ok
          ? `Matchers: ${matchers.message}`
          : null;
    setProblem(problem);
    if (!minutes.ok || !matchers.ok || problem !== null) return;
    const edited = matcherText.trim() !== derivedText.trim();
    onSilence({
      minutes: minutes.value,
      comment: comment.trim(),
      ...(edited ? { matchers: matchers.value } : {}),
    });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    send();
  };
  return (
    <Dialog
      title={`Silence the alerts of ${incidentId}`}
      onClose={onClose}
      initialFocus={first}
      keys={[{ keys: ['Mod+Enter'], description: 'Create the silence', run: send, whileTyping: true }]}
      className="silence-dialog"
    >
      <form onSubmit={submit}>
        <label className="field">
          <span className="field__label">Duration (30m, 2h, 1d)</span>
          <input
            ref={first}
            className="field__input"
            name="duration"
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
          />
          <span className="field__hint">
            {minutes.ok ? `Ends in ${durationText(minutes.value)}` : minutes.message}
          </span>
        </label>
        <label className="field">
          <span className="field__label">Comment (shown in Alertmanager)</span>
          <textarea
            className="field__input"
            name="comment"
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">
            Matchers, one per line (derived from the alerts; edit to widen or narrow)
          </span>
          <textarea
            className="field__input field__input--code"
            name="matchers"
            rows={Math.max(3, derived.length + 1)}
            spellCheck={false}
            value={matcherText}
            onChange={(event) => {
              setEdited(true);
              setMatcherText(event.target.value);
            }}
          />
        </label>
        <p role="alert" className="dialog__problem">
          {problem}
        </p>
        <div className="dialog__buttons">
          <button type="submit" className="button button--primary">
            Silence <KeyHint chord="Mod+Enter" />
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel <KeyHint chord="Escape" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}
