import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { KeyValueStore } from '../../../electron/store/key-value-store';
import { DisplaySleepGuard } from '../../../electron/wall/display-sleep-guard';
import type { WallConfig } from '../../../electron/wall/wall-config';
import { WallManager, type WallWindow, type WallWindowSpec } from '../../../electron/wall/wall-manager';
import type { DisplayInfo } from '../../../electron/wall/wall-plan';
import {
  FIRST_RELOAD_DELAY_MS,
  HEALTHY_AFTER_MS,
  MAX_RELOAD_DELAY_MS,
  MEMORY_CEILING_KB,
  UNRESPONSIVE_GRACE_MS,
  WallRecovery,
} from '../../../electron/wall/wall-recovery';

function fakeBlocker() {
  let next = 1;
  const running = new Set<number>();
  return {
    running,
    start: vi.fn((_type: 'prevent-display-sleep') => {
      running.add(next);
      return next++;
    }),
    stop: vi.fn((id: number) => {
      running.delete(id);
    }),
  };
}

describe('keeping the displays awake', () => {
  it('starts one blocker for any number of walls and stops it when the last one closes', () => {
    const blocker = fakeBlocker();
    const guard = new DisplaySleepGuard(blocker, () => {});
    guard.hold(1);
    guard.hold(2);
    guard.hold(2);
    guard.hold(3);
    expect(blocker.start).toHaveBeenCalledTimes(1);
    expect(blocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    guard.release(1);
    guard.release(3);
    guard.release(3);
    expect(blocker.stop).not.toHaveBeenCalled();
    expect(guard.active).toBe(true);
    guard.release(2);
    expect(blocker.stop).toHaveBeenCalledTimes(1);
    expect(blocker.running.size).toBe(0);
    expect(guard.active).toBe(false);
    guard.release(2);
    expect(blocker.stop).toHaveBeenCalledTimes(1);
    guard.hold(4);
    expect(blocker.start).toHaveBeenCalledTimes(2);
  });
});

describe('a wall coming back by itself', () => {
  let logs: string[];
  let reload: Mock<() => void>;
  let restartRenderer: Mock<() => void>;
  let recovery: WallRecovery;

  beforeEach(() => {
    vi.useFakeTimers();
    logs = [];
    reload = vi.fn<() => void>();
    restartRenderer = vi.fn<() => void>();
    recovery = new WallRecovery({
      name: 'wall on LG TV',
      reload,
      restartRenderer,
      log: (message) => logs.push(message),
    });
  });
  afterEach(() => {
    recovery.dispose();
    vi.useRealTimers();
  });

  it('reloads after its page process is gone, backing off while it keeps failing', () => {
    recovery.processGone('crashed');
    expect(logs.at(-1)).toBe('wall on LG TV: its page process is gone (crashed); reloading in 1 s');
    vi.advanceTimersByTime(FIRST_RELOAD_DELAY_MS - 1);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);

    const delays: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      recovery.processGone('oom');
      const before = reload.mock.calls.length;
      let waited = 0;
      while (reload.mock.calls.length === before) {
        vi.advanceTimersByTime(1000);
        waited += 1000;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(Math.max(...delays)).toBe(MAX_RELOAD_DELAY_MS);
  });

  it('starts from the first delay again once a page stayed up', () => {
    recovery.processGone('crashed');
    vi.runOnlyPendingTimers();
    recovery.processGone('crashed');
    vi.runOnlyPendingTimers();
    recovery.loaded();
    vi.advanceTimersByTime(HEALTHY_AFTER_MS);
    recovery.processGone('crashed');
    expect(logs.at(-1)).toMatch(/reloading in 1 s$/);
  });

  it('schedules one reload however many failures arrive meanwhile', () => {
    recovery.processGone('crashed');
    recovery.loadFailed('ERR_FAILED, -2');
    recovery.processGone('killed');
    vi.runAllTimers();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('restarts a page that hangs past the grace period, not one that answers again', () => {
    recovery.unresponsive();
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS - 1);
    recovery.responsive();
    vi.runAllTimers();
    expect(restartRenderer).not.toHaveBeenCalled();
    expect(logs).toEqual(['wall on LG TV is not responding', 'wall on LG TV is responding again']);

    recovery.unresponsive();
    recovery.unresponsive();
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS);
    expect(restartRenderer).toHaveBeenCalledTimes(1);
    // Ending the renderer is reported as gone, which brings the reload.
    recovery.processGone('killed');
    vi.runAllTimers();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads a page whose renderer grew past the memory ceiling', () => {
    recovery.memorySample(MEMORY_CEILING_KB);
    expect(reload).not.toHaveBeenCalled();
    recovery.memorySample(MEMORY_CEILING_KB + 1);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(logs.at(-1)).toBe('wall on LG TV uses 1024 MiB (ceiling 1024 MiB): reloading it');
  });

  it('never reloads a closed window', () => {
    recovery.processGone('crashed');
    recovery.unresponsive();
    recovery.dispose();
    recovery.memorySample(MEMORY_CEILING_KB * 2);
    vi.runAllTimers();
    expect(reload).not.toHaveBeenCalled();
    expect(restartRenderer).not.toHaveBeenCalled();
  });
});

describe('the wall manager', () => {
  const left: DisplayInfo = { id: 1, label: 'Left', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const right: DisplayInfo = { id: 2, label: 'Right', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };

  interface FakeWindow extends WallWindow {
    readonly spec: WallWindowSpec;
    readonly loads: string[];
    readonly places: WallWindowSpec['bounds'][];
    /** What a person closing the window does. */
    closeByHand(): void;
    closed: boolean;
  }

  function setup(saved?: unknown, displays: DisplayInfo[] = [left, right], closeLater = false) {
    const pendingCloses: Array<() => void> = [];
    const data = new Map<string, unknown>(saved === undefined ? [] : [['walls', saved]]);
    const store: KeyValueStore = {
      get: (key) => data.get(key),
      set: (key, value) => void data.set(key, structuredClone(value)),
      delete: (key) => void data.delete(key),
    };
    const screen = { current: displays, getAllDisplays: () => screen.current };
    const windows: FakeWindow[] = [];
    const blocker = fakeBlocker();
    const logs: string[] = [];
    const log = (message: string): void => void logs.push(message);
    const onChange = vi.fn();
    const manager = new WallManager({
      screen,
      store,
      guard: new DisplaySleepGuard(blocker, log),
      log,
      onChange,
      openWindow: (spec, closed) => {
        const window: FakeWindow = {
          spec,
          loads: [spec.url],
          places: [],
          closed: false,
          load: (url) => void window.loads.push(url),
          place: (bounds) => void window.places.push(bounds),
          // Electron emits 'closed' after close() returns.
          close: () => (closeLater ? pendingCloses.push(window.closeByHand) : window.closeByHand()),
          closeByHand: () => {
            if (window.closed) return;
            window.closed = true;
            closed();
          },
        };
        windows.push(window);
        return window;
      },
    });
    const open = (): FakeWindow[] => windows.filter((window) => !window.closed);
    const savedWalls = (): WallConfig[] => (data.get('walls') as WallConfig[] | undefined) ?? [];
    const finishCloses = (): void => {
      for (const finish of pendingCloses.splice(0)) finish();
    };
    return { manager, screen, windows, open, blocker, logs, onChange, savedWalls, finishCloses };
  }

  const wallOn = (display: DisplayInfo, view: WallConfig['view'] = 'board'): WallConfig => ({
    display: { id: display.id, label: display.label, bounds: display.bounds },
    view,
  });

  it('reopens remembered walls at start and keeps the displays awake', () => {
    const t = setup([wallOn(right, 'map')]);
    t.manager.start();
    expect(t.open().map((window) => window.spec)).toEqual([
      {
        displayId: 2,
        label: 'Right',
        bounds: right.bounds,
        url: 'sitroom://console/index.html?wall=1&view=map',
      },
    ]);
    expect(t.blocker.running.size).toBe(1);
  });

  it('starts with a corrupt wall entry dropped, not a crash', () => {
    const t = setup([{ display: 'left' }, wallOn(left)]);
    t.manager.start();
    expect(t.open()).toHaveLength(1);
    expect(t.logs[0]).toMatch(/ignoring saved wall display #1/);
  });

  it('makes a wall from the menu, remembers it, and re-points it when the view changes', () => {
    const t = setup();
    t.manager.start();
    t.manager.makeWall(1, 'rotate');
    expect(t.savedWalls()).toEqual([
      { ...wallOn(left), rotate: ['board', 'escalations', 'map', 'statistics'] },
    ]);
    expect(t.open()[0]?.spec.url).toBe(
      'sitroom://console/index.html?wall=1&view=board&rotate=board%2Cescalations%2Cmap%2Cstatistics',
    );
    t.manager.makeWall(1, 'statistics');
    expect(t.open()).toHaveLength(1);
    expect(t.open()[0]?.loads.at(-1)).toBe('sitroom://console/index.html?wall=1&view=statistics');
    expect(t.savedWalls()).toEqual([wallOn(left, 'statistics')]);
    expect(t.onChange).toHaveBeenCalled();
  });

  it('turns the alarm sound of a wall on and off per severity, re-pointing its window, and keeps it across view changes', () => {
    const t = setup([wallOn(left, 'map')]);
    t.manager.start();
    t.manager.setSound(1, 'sev2', true);
    t.manager.setSound(1, 'sev1', true);
    expect(t.savedWalls()).toEqual([{ ...wallOn(left, 'map'), sound: ['sev1', 'sev2'] }]);
    expect(t.open()[0]?.loads.at(-1)).toBe('sitroom://console/index.html?wall=1&view=map&sound=sev1%2Csev2');
    t.manager.makeWall(1, 'board');
    expect(t.savedWalls()).toEqual([{ ...wallOn(left, 'board'), sound: ['sev1', 'sev2'] }]);
    t.manager.setSound(1, 'sev2', false);
    expect(t.open()[0]?.loads.at(-1)).toBe('sitroom://console/index.html?wall=1&view=board&sound=sev1');
    t.manager.setSound(1, 'sev1', false);
    expect(t.savedWalls()).toEqual([wallOn(left, 'board')]);
    expect(t.open()[0]?.loads.at(-1)).toBe('sitroom://console/index.html?wall=1&view=board');
  });

  it('sets the dwell of a rotating wall, re-pointing its window, and keeps it when rotation is chosen again', () => {
    const t = setup();
    t.manager.start();
    t.manager.makeWall(1, 'rotate');
    t.manager.setDwell(1, 120);
    expect(t.open()[0]?.loads.at(-1)).toContain('&dwell=120');
    t.manager.makeWall(1, 'rotate');
    expect(t.savedWalls()[0]?.dwellSeconds).toBe(120);
  });

  it('moves an open wall when its monitor moves', () => {
    const t = setup([wallOn(right)]);
    t.manager.start();
    const moved = { ...right, bounds: { ...right.bounds, x: -right.bounds.width } };
    t.screen.current = [left, moved];
    t.manager.displaysChanged();
    expect(t.open()).toHaveLength(1);
    expect(t.open()[0]?.places).toEqual([moved.bounds]);
  });

  it('lets the displays sleep again when a wall window cannot be opened, and does not throw', () => {
    const blocker = fakeBlocker();
    const logs: string[] = [];
    const data = new Map<string, unknown>([['walls', [wallOn(left)]]]);
    const manager = new WallManager({
      screen: { getAllDisplays: () => [left] },
      store: {
        get: (key) => data.get(key),
        set: (key, value) => void data.set(key, value),
        delete: (key) => void data.delete(key),
      },
      guard: new DisplaySleepGuard(blocker, (message) => void logs.push(message)),
      log: (message) => void logs.push(message),
      openWindow: () => {
        throw new Error('no GPU process');
      },
    });
    expect(() => manager.start()).not.toThrow();
    expect(blocker.running.size).toBe(0);
    expect(logs.some((line) => line.includes('could not open: Error: no GPU process'))).toBe(true);
    expect(manager.savedWalls()).toHaveLength(1);
  });

  it('forgets a wall closed by hand and lets the displays sleep after the last one', () => {
    const t = setup([wallOn(left), wallOn(right)]);
    t.manager.start();
    t.open()[0]?.closeByHand();
    expect(t.savedWalls()).toEqual([wallOn(right)]);
    expect(t.blocker.running.size).toBe(1);
    t.open()[0]?.closeByHand();
    expect(t.savedWalls()).toEqual([]);
    expect(t.blocker.running.size).toBe(0);
    expect(t.logs).toContain('wall on Left closed by hand: forgotten');
  });

  it('keeps walls closed by quitting for the next start', () => {
    const t = setup([wallOn(left), wallOn(right)]);
    t.manager.start();
    t.manager.appQuitting();
    for (const window of t.open()) window.closeByHand();
    expect(t.savedWalls()).toHaveLength(2);
    expect(t.blocker.running.size).toBe(0);
  });

  it('closes the wall of an unplugged monitor but remembers it, and reopens it when it is back', () => {
    const t = setup([wallOn(left), wallOn(right, 'escalations')]);
    t.manager.start();
    t.screen.current = [left];
    t.manager.displaysChanged();
    expect(t.open().map((window) => window.spec.displayId)).toEqual([1]);
    expect(t.savedWalls()).toHaveLength(2);
    t.screen.current = [left, right];
    t.manager.displaysChanged();
    expect(t.open().map((window) => window.spec.url)).toEqual([
      'sitroom://console/index.html?wall=1&view=board',
      'sitroom://console/index.html?wall=1&view=escalations',
    ]);
    expect(t.windows).toHaveLength(3);
  });

  it('waits for a monitor absent at start', () => {
    const t = setup([wallOn(right)], [left]);
    t.manager.start();
    expect(t.open()).toEqual([]);
    expect(t.blocker.running.size).toBe(0);
    expect(t.logs).toContain('wall on Right waits for its display to come back');
    t.screen.current = [left, right];
    t.manager.displaysChanged();
    expect(t.open()).toHaveLength(1);
  });

  it('"Close walls" closes and forgets them all, the waiting ones too', () => {
    const t = setup([
      wallOn(left),
      {
        ...wallOn(right),
        display: {
          ...wallOn(right).display,
          id: 9,
          label: 'Gone',
          bounds: { x: 9, y: 9, width: 9, height: 9 },
        },
      },
    ]);
    t.manager.start();
    expect(t.open()).toHaveLength(1);
    t.manager.closeAll();
    expect(t.open()).toEqual([]);
    expect(t.savedWalls()).toEqual([]);
    expect(t.blocker.running.size).toBe(0);
    t.manager.makeWall(1, 'map');
    expect(t.open()).toHaveLength(1);
  });

  it('opens a new wall on a monitor whose old wall window is still closing', () => {
    const t = setup([wallOn(left)], [left, right], true);
    t.manager.start();
    t.manager.closeAll();
    t.manager.makeWall(1, 'map');
    t.finishCloses();
    expect(t.open().map((window) => window.spec.url)).toEqual([
      'sitroom://console/index.html?wall=1&view=map',
    ]);
    expect(t.savedWalls()).toEqual([wallOn(left, 'map')]);
    expect(t.blocker.running.size).toBe(1);
  });
});
