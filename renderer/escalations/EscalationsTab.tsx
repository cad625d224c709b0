import { useBoardStore } from '../state/board-store';
import { openEscalations, returnToBoard, useEscalationsOpen } from '../state/view-store';
import { selectRunningEscalations } from './escalation-rows';

/** The header's way into the escalation view (and back), with how many escalations are running. */
export function EscalationsTab() {
  const open = useEscalationsOpen();
  const running = useBoardStore((state) => selectRunningEscalations(state.active).length);
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
