import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef } from 'react';
import type { KeyBinding } from '../keyboard/keymap';
import { useKeymap } from '../keyboard/use-keymap';

// Every dialog in the console: a native modal <dialog> (role="dialog", the page behind it inert,
// Tab kept inside) that captures the keyboard through the keymap while it is open, and gives
// focus back to where it was when it closes.

export interface DialogProps {
  readonly title: string;
  /** Esc and the close button call this; without it the dialog cannot be dismissed (sign-in). */
  readonly onClose?: () => void;
  /** Keys that work inside this dialog, e.g. Enter to confirm. */
  readonly keys?: ReadonlyArray<KeyBinding>;
  /** What gets focus on open; by default the browser picks the first focusable element. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A modal dialog that owns the keyboard while open. */
export function Dialog({ title, onClose, keys = [], initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back where the operator was, unless that element went away meanwhile.
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [initialFocus]);
  // Esc is always taken, even by a dialog that cannot be dismissed: left to the browser, a second
  // Esc closes a modal <dialog> natively, behind React's back.
  const closeKey: KeyBinding = onClose
    ? { keys: ['Escape'], description: 'Close', run: onClose, whileTyping: true }
    : { keys: ['Escape'], description: 'This needs an answer', run: () => {}, whileTyping: true };
  useKeymap('dialog', [closeKey, ...keys]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      // The browser's own Esc handling (a close request) is routed to the same place as our key.
      onCancel={(event) => {
        event.preventDefault();
        onClose?.();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
