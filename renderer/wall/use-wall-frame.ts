import type { CSSProperties } from 'react';
import { useClockStore } from '../state/clock-store';
import { BURN_IN_STEP_MS, burnInShift } from './burn-in';
import { useWallStore } from './wall-store';

export interface WallFrame {
  readonly className: string;
  readonly style: CSSProperties | undefined;
}

const NOT_A_WALL: WallFrame = { className: '', style: undefined };

/**
 * The wall's class and style for the console's root: its zoom, its burn-in drift and the alarm
 * flash. Re-renders only when one of those changes (the drift every few minutes), not every second.
 */
export function useWallFrame(): WallFrame {
  const isWall = useWallStore((state) => state.settings !== null);
  const scale = useWallStore((state) => state.scale);
  const alarmSeverity = useWallStore((state) => state.attention[0]?.severity ?? null);
  const step = useClockStore((state) => Math.floor(state.now / BURN_IN_STEP_MS));
  if (!isWall) return NOT_A_WALL;
  const shift = burnInShift(step * BURN_IN_STEP_MS);
  return {
    className: alarmSeverity === null ? ' app--wall' : ` app--wall app--alarm app--alarm-${alarmSeverity}`,
    style: { zoom: scale, translate: `${shift.x}px ${shift.y}px` },
  };
}
