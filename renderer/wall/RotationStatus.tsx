import { assertNever } from '../../shared/domain';
import { formatDuration } from '../format';
import { useNow } from '../state/clock-store';
import type { WallView } from './wall-settings';
import { useWallStore } from './wall-store';

const VIEW_NAMES: Readonly<Record<WallView, string>> = {
  board: 'Board',
  escalations: 'Escalations',
  map: 'Map',
  statistics: 'Statistics',
};

/** Which view the wall shows and what comes next, so nobody wonders why the screen changed. */
export function RotationStatus() {
  const rotation = useWallStore((state) => state.rotation);
  const settings = useWallStore((state) => state.settings);
  const now = useNow();
  if (!rotation || !settings) return null;
  const index = settings.views.indexOf(rotation.view);
  const next = settings.views[(index + 1) % settings.views.length] ?? 'board';
  return (
    <div
      className="wall-rotation"
      data-testid="wall-rotation"
      data-mode={rotation.mode}
      data-view={rotation.view}
    >
      <span className="wall-rotation__view">{VIEW_NAMES[rotation.view]}</span>
      <span className="wall-rotation__next">
        {describeNext(rotation.mode, VIEW_NAMES[next], rotation.nextAt, now)}
      </span>
    </div>
  );
}

function describeNext(
  mode: 'rotating' | 'single' | 'paused' | 'interrupted',
  next: string,
  nextAt: number | null,
  now: number,
): string {
  switch (mode) {
    case 'single':
      return '';
    case 'interrupted':
      return 'Held until acknowledged';
    case 'paused':
      return 'Paused while in use';
    case 'rotating':
      return nextAt === null ? '' : `${next} in ${formatDuration(nextAt - now)}`;
    default:
      return assertNever(mode);
  }
}
