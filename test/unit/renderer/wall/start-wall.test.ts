import { afterEach, describe, expect, it } from 'vitest';
import { useBoardStore } from '../../../../renderer/state/board-store';
import { useClockStore } from '../../../../renderer/state/clock-store';
import { useViewStore } from '../../../../renderer/state/view-store';
import type { AlarmSound, AlarmState } from '../../../../renderer/wall/alarm-sound';
import { startWall } from '../../../../renderer/wall/start-wall';
import { readWallSettings } from '../../../../renderer/wall/wall-settings';
import { useWallStore } from '../../../../renderer/wall/wall-store';
import { INITIAL_BOARD, interpretPatches } from '../../../../shared/feed/board-interpreter';
import { incident, rowsOf, T0 } from '../incident-fixtures';

// The wall driver against the console's real stores: the clock ticks, the board changes, and the
// view on screen and the alarm follow.

function fakeWindow(width = 1920) {
  const listeners = new Map<string, (event: unknown) => void>();
  return {
    innerWidth: width,
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
    fire: (type: string) => listeners.get(type)?.({}),
  };
}

function recordingAlarm(): AlarmSound & { readonly asked: Array<string | null> } {
  const asked: Array<string | null> = [];
  return {
    asked,
    play(severity) {
      if (asked.at(-1) !== severity) asked.push(severity);
      return (severity === null ? 'silent' : 'sounding') as AlarmState;
    },
    state: () => 'silent',
    unblock: () => undefined,
  };
}

const keepAwake = () => () => undefined;
const tickTo = (now: number) => useClockStore.setState({ now });
const setBoard = (...incidents: ReturnType<typeof incident>[]) =>
  useBoardStore.setState(
    interpretPatches(INITIAL_BOARD, [{ kind: 'reset', seq: 1, rows: rowsOf(...incidents) }], T0),
  );

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  useViewStore.setState({ view: { kind: 'board' } });
  useBoardStore.setState(INITIAL_BOARD);
});

describe('startWall', () => {
  it('rotates the console through its views on the shared clock', () => {
    tickTo(T0);
    const settings = readWallSettings('?wall=1&rotate=board,escalations,map&dwell=30');
    if (!settings) throw new Error('not a wall');
    stop = startWall(settings, {
      window: fakeWindow() as unknown as Window,
      alarm: recordingAlarm(),
      keepAwake,
    });
    expect(useViewStore.getState().view.kind).toBe('board');
    tickTo(T0 + 30_000);
    expect(useViewStore.getState().view.kind).toBe('escalations');
    tickTo(T0 + 60_000);
    expect(useViewStore.getState().view.kind).toBe('map');
    expect(useWallStore.getState().scale).toBe(1.25);
  });

  it('an unacknowledged sev1 brings it to the board and sounds until acknowledged, then rotation resumes', () => {
    tickTo(T0);
    const settings = readWallSettings('?wall=1&rotate=escalations,board&dwell=30&sound=sev1');
    if (!settings) throw new Error('not a wall');
    const alarm = recordingAlarm();
    stop = startWall(settings, { window: fakeWindow() as unknown as Window, alarm, keepAwake });
    expect(useViewStore.getState().view.kind).toBe('escalations');

    setBoard(incident({ id: 'INC-9', severity: 'sev1', openedAt: T0 + 1000 }));
    expect(useViewStore.getState().view.kind).toBe('board');
    expect(useWallStore.getState().attention.map((i) => i.id)).toEqual(['INC-9']);
    expect(useWallStore.getState().rotation?.mode).toBe('interrupted');
    // Long past the dwell: still held.
    tickTo(T0 + 300_000);
    expect(useViewStore.getState().view.kind).toBe('board');

    setBoard({ ...incident({ id: 'INC-9', severity: 'sev1' }), acknowledgedAt: T0 + 301_000 });
    expect(useWallStore.getState().attention).toEqual([]);
    tickTo(T0 + 301_000 + 30_000);
    expect(useViewStore.getState().view.kind).toBe('escalations');
    expect(alarm.asked).toEqual([null, 'sev1', null]);
  });

  it('sounds only for the severities the address asked for, flashing for the rest', () => {
    tickTo(T0);
    const settings = readWallSettings('?wall=1&sound=sev1');
    if (!settings) throw new Error('not a wall');
    const alarm = recordingAlarm();
    stop = startWall(settings, { window: fakeWindow() as unknown as Window, alarm, keepAwake });
    setBoard(incident({ id: 'INC-2', severity: 'sev2' }));
    expect(useWallStore.getState().attention).toHaveLength(1);
    expect(alarm.asked).toEqual([null]);
  });

  it('does not pull someone away from the incident they opened at the wall, wherever the rotation was', () => {
    tickTo(T0);
    const settings = readWallSettings('?wall=1&rotate=board,map&dwell=30');
    if (!settings) throw new Error('not a wall');
    const window = fakeWindow();
    stop = startWall(settings, { window: window as unknown as Window, alarm: recordingAlarm(), keepAwake });
    tickTo(T0 + 30_000);
    expect(useViewStore.getState().view.kind).toBe('map');
    window.fire('keydown');
    useViewStore.setState({ view: { kind: 'incident', incidentId: 'INC-1' } });
    setBoard(incident({ id: 'INC-3', severity: 'sev1' }));
    expect(useWallStore.getState().rotation?.mode).toBe('interrupted');
    tickTo(T0 + 300_000);
    expect(useViewStore.getState().view).toEqual({ kind: 'incident', incidentId: 'INC-1' });
  });

  it('during an interrupt someone may look elsewhere; the board comes back once they stop', () => {
    tickTo(T0);
    const settings = readWallSettings('?wall=1&rotate=map&dwell=30');
    if (!settings) throw new Error('not a wall');
    const window = fakeWindow();
    stop = startWall(settings, { window: window as unknown as Window, alarm: recordingAlarm(), keepAwake });
    expect(useViewStore.getState().view.kind).toBe('map');
    setBoard(incident({ id: 'INC-4', severity: 'sev2' }));
    expect(useViewStore.getState().view.kind).toBe('board');

    tickTo(T0 + 10_000);
    window.fire('keydown');
    useViewStore.setState({ view: { kind: 'escalations' } }); // g e: who was paged?
    tickTo(T0 + 11_000);
    tickTo(T0 + 60_000);
    expect(useViewStore.getState().view.kind).toBe('escalations');
    tickTo(T0 + 10_000 + 2 * 60_000);
    expect(useViewStore.getState().view.kind).toBe('board');
  });
});
