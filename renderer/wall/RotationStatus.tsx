import { assertNever } from '../../shared/domain';
import { formatDurationBrief } from '../../shared/duration-format';
import { useNow } from '../state/clock-store';
import { type ConsoleView, useViewStore } from '../state/view-store';
import type { WallView } from './wall-settings';
import { useWallStore } from './wall-store';

const VIEW_NAMES: Readonly<Record<ConsoleView['kind'], string>> = {
  board: 'Board',
  incident: 'Incident',
  escalations: 'Escalations',
  map: 'Map',
  statistics: 'Statistics',
};

/**
 * Which view the wall shows and what comes next, so nobody wonders why the screen changed. The
 * name is of the view on screen, which is not the rotation's once someone at the wall has gone
 * elsewhere (g e: who was paged?); the rotation's own view stays in data-view.
 */
export function RotationStatus() {
  const rotation = useWallStore((state) => state.rotation);
  const settings = useWallStore((state) => state.settings);
  const shown = useViewStore((state) => state.view.kind);
  const now = useNow();
  if (!rotation || !settings) return null;
  const index = settings.views.indexOf(rotation.view);
  const next: WallView = settings.views[(index + 1) % settings.views.length] ?? 'board';
  return (
    <div
      className="wall-rotation"
      data-testid="wall-rotation"
      data-mode={rotation.mode}
      data-view={rotation.view}
    >
      <span className="wall-rotation__view">{VIEW_NAMES[shown]}</span>
      <span className="wall-rotation__next">
        {describeNext(rotation.mode, shown === 'board', VIEW_NAMES[next], rotation.nextAt, now)}
      </span>
    </div>
  );
}

function describeNext(
  mode: 'rotating' | 'single' | 'paused' | 'interrupted',
  onBoard: boolean,
  next: string,
  nextAt: number | null,
  now: number,
): string {
  switch (mode) {
    case 'single':
      return '';
    case 'interrupted':
      // Someone at the wall may look elsewhere during an alarm; the board returns when they stop.
      return onBoard ? 'Held until acknowledged' : 'Board when left alone';
    case 'paused':
      return 'Paused while in use';
    case 'rotating':
      return nextAt === null ? '' : `${next} in ${formatDurationBrief(nextAt - now)}`;
    default:
      return assertNever(mode);
  }
}
