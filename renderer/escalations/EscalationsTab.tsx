import { useBoardStore } from '../state/board-store';
import { openEscalations, returnToBoard, useEscalationsOpen } from '../state/view-store';

/** The header's way into the escalation view (and back), with how many escalations are running. */
export function EscalationsTab() {
  const open = useEscalationsOpen();
  // Kept by the board as rows move (shared/feed/board-tally.ts): the tab is always on screen.
  const running = useBoardStore((state) => state.tally.escalating);
  return (
    <button
      type="button"
      className={`header-tab${running > 0 ? ' header-tab--active' : ''}`}
      aria-pressed={open}
      aria-keyshortcuts="g e"
      title="Running escalations and who is on call (g e)"
      onClick={open ? returnToBoard : openEscalations}
      data-testid="escalations-tab"
    >
      Escalations <span className="header-tab__count">{running}</span>
    </button>
  );
}
