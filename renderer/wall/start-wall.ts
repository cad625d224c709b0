import type { Severity } from '../../shared/domain';
import type { BoardRow } from '../../shared/feed/board-row';
import { useBoardStore } from '../state/board-store';
import { useClockStore } from '../state/clock-store';
import { openEscalations, openMap, openStatistics, returnToBoard, useViewStore } from '../state/view-store';
import { type AlarmSound, createAlarmSound } from './alarm-sound';
import { incidentsNeedingAttention } from './attention';
import { browserWakeLockApi, keepScreenOn } from './keep-screen-on';
import { INTERACTION_PAUSE_MS, type RotationMode, type RotationState, stepRotation } from './wall-rotation';
import { INTERRUPTING_SEVERITIES, type WallSettings, type WallView, wallScale } from './wall-settings';
import { useWallStore } from './wall-store';

// Runs a wall: once a second (on the shared clock) and whenever the board changes, it works out
// what needs attention, which view should be on screen and whether the alarm sounds. Views only
// change at a rotation step or an interrupt, so a person who walks up and opens an incident is
// not pulled away while they read it.

const OPEN_VIEW: Readonly<Record<WallView, () => void>> = {
  board: returnToBoard,
  escalations: openEscalations,
  map: openMap,
  statistics: openStatistics,
};

export interface WallEnvironment {
  readonly window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'innerWidth'>;
  readonly alarm?: AlarmSound;
  /** Keeps the display awake while the wall runs; returns how to let go. The browser's wake lock by default. */
  readonly keepAwake?: () => () => void;
}

/** Starts driving the console as a wall; returns a function that stops it. */
export function startWall(settings: WallSettings, env: WallEnvironment = { window }): () => void {
  const alarm = env.alarm ?? createAlarmSound();
  const letScreenSleep = (env.keepAwake ?? browserWakeLock)();
  let rotation: RotationState = { index: 0, since: useClockStore.getState().now };
  let lastInteractionAt: number | null = null;
  let shownView: WallView | null = null;
  let previousMode: RotationMode | null = null;
  let attentionFor: ReadonlyArray<BoardRow> | null = null;

  useWallStore.setState({ settings, scale: wallScale(settings, env.window.innerWidth) });

  const tick = (): void => {
    const now = useClockStore.getState().now;
    const incidents = useBoardStore.getState().active;
    if (incidents !== attentionFor) {
      attentionFor = incidents;
      useWallStore.setState({ attention: incidentsNeedingAttention(incidents, INTERRUPTING_SEVERITIES) });
    }
    const attention = useWallStore.getState().attention;
    const step = stepRotation(rotation, {
      views: settings.views,
      dwellMs: settings.dwellMs,
      now,
      lastInteractionAt,
      interrupted: attention.length > 0,
    });
    const entering = step.mode === 'interrupted' && previousMode !== 'interrupted';
    rotation = step.state;
    previousMode = step.mode;
    const current = useViewStore.getState().view.kind;
    const inUse = lastInteractionAt !== null && now - lastInteractionAt < INTERACTION_PAUSE_MS;
    // Someone reading an incident at the wall is never pulled away from it. Otherwise a new
    // interrupt brings the board at once; during one, a person may look elsewhere (g e: who was
    // paged?) and the board comes back once they stop using the wall.
    const wanted =
      current === 'incident'
        ? null
        : entering || (step.mode === 'interrupted' && !inUse) || step.view !== shownView
          ? step.view
          : null;
    shownView = step.view;
    if (wanted !== null && current !== wanted) OPEN_VIEW[wanted]();
    const sounding = worstSounding(
      attention.map((incident) => incident.severity),
      settings.sound,
    );
    useWallStore.setState({ rotation: step, alarm: alarm.play(sounding) });
  };

  const interacted = (): void => {
    lastInteractionAt = useClockStore.getState().now;
    alarm.unblock();
  };
  const resized = (): void => useWallStore.setState({ scale: wallScale(settings, env.window.innerWidth) });

  env.window.addEventListener('keydown', interacted, true);
  env.window.addEventListener('pointerdown', interacted, true);
  env.window.addEventListener('resize', resized);
  const stopClock = useClockStore.subscribe(tick);
  const stopBoard = useBoardStore.subscribe((state, previous) => {
    if (state.active !== previous.active) tick();
  });
  tick();
  return () => {
    letScreenSleep();
    stopClock();
    stopBoard();
    env.window.removeEventListener('keydown', interacted, true);
    env.window.removeEventListener('pointerdown', interacted, true);
    env.window.removeEventListener('resize', resized);
    alarm.play(null);
    useWallStore.setState({ settings: null, rotation: null, attention: [], alarm: 'silent' });
  };
}

/** The Screen Wake Lock in a browser; in the desktop app main holds a power-save blocker instead. */
function browserWakeLock(): () => void {
  if (window.sitroom) return () => undefined;
  return keepScreenOn(document, browserWakeLockApi(), (screenLock) => useWallStore.setState({ screenLock }));
}

/** The most urgent severity that needs attention and has sound turned on, or null. */
function worstSounding(needing: ReadonlyArray<Severity>, sound: ReadonlyArray<Severity>): Severity | null {
  for (const severity of INTERRUPTING_SEVERITIES) {
    if (needing.includes(severity) && sound.includes(severity)) return severity;
  }
  return null;
}
