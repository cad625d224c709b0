import { chordLabel } from './keymap';
import { useKeymapStore } from './keymap-registry';

/**
 * The first key of a sequence while it waits for the second ("g …"), in a corner: enough to
 * explain why the next key does something other than usual, without covering the board.
 */
export function PendingKeys() {
  const pending = useKeymapStore((state) => state.pending);
  return (
    <div className="pending-keys" role="status" data-testid="pending-keys">
      {pending === null ? null : (
        <>
          <kbd>{chordLabel(pending)}</kbd> <span className="pending-keys__hint">then…</span>
        </>
      )}
    </div>
  );
}
