import { create } from 'zustand';
import type { BoardRow } from '../../shared/feed/board-row';
import type { AlarmState } from './alarm-sound';
import type { ScreenLock } from './keep-screen-on';
import type { RotationStep } from './wall-rotation';
import type { WallSettings } from './wall-settings';

// What the wall's header and frame show: its settings, where the rotation is, and what is
// demanding attention. Written by the wall driver once a second and when the board changes.

export interface WallStore {
  /** Null when this console is not a wall. */
  readonly settings: WallSettings | null;
  readonly rotation: RotationStep | null;
  /** Unacknowledged incidents of interrupting severity, most urgent first. */
  readonly attention: ReadonlyArray<BoardRow>;
  readonly alarm: AlarmState;
  readonly scale: number;
  /** Whether the browser keeps the screen awake for the wall (the desktop app always does). */
  readonly screenLock: ScreenLock | null;
}

export const useWallStore = create<WallStore>()(() => ({
  settings: null,
  rotation: null,
  attention: [],
  alarm: 'silent',
  scale: 1,
  screenLock: null,
}));

/** True when this console runs as a wall display. */
export const useIsWall = (): boolean => useWallStore((state) => state.settings !== null);
