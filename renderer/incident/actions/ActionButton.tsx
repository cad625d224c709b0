import { KeyHint } from '../../keyboard/KeyHint';
import { chordLabel } from '../../keyboard/keymap';
import type { ActionAvailability } from './action-catalog';

export interface ActionButtonProps {
  readonly label: string;
  /** The action's key as the operator has it now; absent when they left it without one. */
  readonly keyName: string | undefined;
  readonly availability: ActionAvailability;
  readonly pending: boolean;
  /** What the pending marker says: "sending", or "queued" while the hub is out of reach. */
  readonly pendingLabel?: string;
  /** True when the action opens a dialog first: the label ends in "…". */
  readonly asks?: boolean;
  readonly onRun: () => void;
  /** A click while it is pending: say what is still on its way (nothing is sent twice). */
  readonly onPending?: () => void;
  readonly onRefuse: (reason: string) => void;
}

/**
 * One action, named by what it does and showing its key. A disallowed action stays focusable
 * (aria-disabled, not disabled) so its tooltip can be read and a press explains why.
 */
export function ActionButton({
  label,
  keyName,
  availability,
  pending,
  pendingLabel = 'sending',
  asks,
  onRun,
  onPending,
  onRefuse,
}: ActionButtonProps) {
  if (availability.kind === 'hidden') return null;
  const disabled = availability.kind === 'disabled' || pending;
  const keyText = keyName === undefined ? '' : ` (${chordLabel(keyName)})`;
  const title = availability.kind === 'disabled' ? availability.reason : `${label}${keyText}`;
  return (
    <button
      type="button"
      className="action"
      aria-disabled={disabled}
      aria-busy={pending}
      aria-keyshortcuts={ariaKeyShortcuts(keyName)}
      title={title}
      data-action={label}
      onClick={() => {
        if (availability.kind === 'disabled') onRefuse(availability.reason);
        else if (!pending) onRun();
        else onPending?.();
      }}
    >
      <span className="action__label">
        {label}
        {asks ? '…' : ''}
      </span>
      {pending ? <span className="action__pending">{pendingLabel}</span> : null}
      {keyName === undefined ? null : <KeyHint chord={keyName} />}
    </button>
  );
}

/** aria-keyshortcuts for a key: single chords only, as the attribute reads a space as "or". */
function ariaKeyShortcuts(key: string | undefined): string | undefined {
  if (key === undefined || key.includes(' ')) return undefined;
  return key.replace(/^Mod\+/, 'Control+');
}
