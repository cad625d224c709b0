import type { KeyValueStore } from '../store/key-value-store';
import { readWalls, saveWalls } from '../store/settings';
import type { DisplaySleepGuard } from './display-sleep-guard';
import {
  ALARM_SEVERITIES,
  type AlarmSeverity,
  WALL_VIEWS,
  type WallBounds,
  type WallConfig,
  type WallView,
} from './wall-config';
import { type DisplayInfo, planWalls } from './wall-plan';

// Keeps the wall windows in step with the saved walls and the monitors attached: at start, after
// every screen change, and when someone picks or closes a wall. Electron is behind the injected
// pieces (screen, window factory, blocker), so the bookkeeping is tested in Node.

/** What the menu offers for a monitor: one view, or all of them in turn. */
export type WallChoice = WallView | 'rotate';

export interface WallWindowSpec {
  readonly displayId: number;
  readonly label: string;
  readonly bounds: WallBounds;
  readonly url: string;
}

/** An open wall window, as the manager drives it. */
export interface WallWindow {
  /** Shows another page (the wall's view changed). */
  load(url: string): void;
  /** Moves the wall onto its monitor's new place (monitors rearranged, resolution changed). */
  place(bounds: WallBounds): void;
  close(): void;
}

export interface WallManagerOptions {
  readonly screen: { getAllDisplays(): ReadonlyArray<DisplayInfo> };
  readonly store: KeyValueStore;
  /** Opens a wall window; `closed` must be called once when it is gone, for whatever reason. */
  readonly openWindow: (spec: WallWindowSpec, closed: () => void) => WallWindow;
  readonly guard: DisplaySleepGuard;
  readonly log: (message: string) => void;
  /** Called after the walls or their windows changed (the menu shows them). */
  readonly onChange?: () => void;
}

/** "wall on DELL U2720Q", or the display id when the platform gives no label. */
const sameBounds = (a: WallBounds, b: WallBounds): boolean =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function wallName(display: { readonly id: number; readonly label: string }): string {
  return display.label === '' ? `wall on display ${display.id}` : `wall on ${display.label}`;
}

export class WallManager {
  private walls: WallConfig[] = [];
  private readonly windows = new Map<
    number,
    { readonly window: WallWindow; url: string; bounds: WallBounds }
  >();
  /** Windows the manager closes itself: their wall is not forgotten by the close. */
  private readonly closingOnPurpose = new Set<WallWindow>();
  private quitting = false;
  private serial = 0;

  constructor(private readonly options: WallManagerOptions) {}

  /** Reads the saved walls and opens those whose monitor is attached. */
  start(): void {
    this.walls = readWalls(this.options.store, this.options.log);
    const waiting = this.reconcile();
    for (const wall of waiting)
      this.options.log(`${wallName(wall.display)} waits for its display to come back`);
  }

  /** screen 'display-added', 'display-removed', 'display-metrics-changed'. */
  displaysChanged(): void {
    this.reconcile();
  }

  /** Makes (or changes) the wall on a monitor, remembers it, and opens it. */
  makeWall(displayId: number, choice: WallChoice): void {
    const display = this.options.screen.getAllDisplays().find((d) => d.id === displayId);
    if (!display) {
      this.options.log(`no display ${displayId} to make a wall on`);
      return;
    }
    const previous = this.walls.find((wall) => wall.display.id === displayId);
    const wall: WallConfig = {
      display: { id: display.id, label: display.label, bounds: { ...display.bounds } },
      view: choice === 'rotate' ? WALL_VIEWS[0] : choice,
      ...(choice === 'rotate' ? { rotate: [...WALL_VIEWS] } : {}),
      ...(choice === 'rotate' && previous?.dwellSeconds !== undefined
        ? { dwellSeconds: previous.dwellSeconds }
        : {}),
      // The room chose whether this wall sounds; a change of view keeps that choice.
      ...(previous?.sound ? { sound: previous.sound } : {}),
    };
    this.walls = [...this.walls.filter((saved) => saved.display.id !== displayId), wall];
    this.save();
    this.options.log(`${wallName(display)}: ${choice === 'rotate' ? 'rotating all views' : choice}`);
    this.reconcile();
  }

  /** Sets how long a rotating wall shows each view. */
  setDwell(displayId: number, seconds: number): void {
    const wall = this.walls.find((saved) => saved.display.id === displayId);
    if (!wall) return;
    this.walls = this.walls.map((saved) => (saved === wall ? { ...wall, dwellSeconds: seconds } : saved));
    this.save();
    this.options.log(`${wallName(wall.display)}: each view for ${seconds} s`);
    this.reconcile();
  }

  /** Turns the wall's alarm sound for one severity (sev1 or sev2) on or off. */
  setSound(displayId: number, severity: AlarmSeverity, on: boolean): void {
    const wall = this.walls.find((saved) => saved.display.id === displayId);
    if (!wall) return;
    const chosen = new Set(wall.sound ?? []);
    if (on) chosen.add(severity);
    else chosen.delete(severity);
    // Kept in severity order, so the address (and a test) reads the same whichever was chosen first.
    const sound = ALARM_SEVERITIES.filter((known) => chosen.has(known));
    const { sound: _, ...rest } = wall;
    const next: WallConfig = sound.length > 0 ? { ...rest, sound } : rest;
    this.walls = this.walls.map((saved) => (saved === wall ? next : saved));
    this.save();
    this.options.log(`${wallName(wall.display)}: ${severity} alarm sound ${on ? 'on' : 'off'}`);
    this.reconcile();
  }

  /** Closes every wall and forgets them all, including those waiting for their monitor. */
  closeAll(): void {
    this.walls = [];
    this.save();
    for (const displayId of [...this.windows.keys()]) this.closeOnPurpose(displayId);
    this.options.log('closed all wall displays');
    this.options.onChange?.();
  }

  /** The app is quitting (or the session ending): the windows about to close stay remembered. */
  appQuitting(): void {
    this.quitting = true;
  }

  /** The saved walls, open or waiting. */
  savedWalls(): ReadonlyArray<WallConfig> {
    return this.walls;
  }

  get openCount(): number {
    return this.windows.size;
  }

  /** Opens, re-points and closes windows so that they match the plan; returns the waiting walls. */
  private reconcile(): ReadonlyArray<WallConfig> {
    const plan = planWalls(this.walls, this.options.screen.getAllDisplays());
    if (plan.changed) {
      this.walls = [...plan.walls];
      this.save();
      for (const planned of plan.open)
        if (planned.matchedBy !== 'id')
          this.options.log(`${wallName(planned.wall.display)}: found its display by ${planned.matchedBy}`);
    }
    const wanted = new Set(plan.open.map((planned) => planned.wall.display.id));
    for (const displayId of [...this.windows.keys()]) {
      if (wanted.has(displayId)) continue;
      this.options.log(
        `wall on display ${displayId}: its display is gone; it reopens when the display is back`,
      );
      this.closeOnPurpose(displayId);
    }
    for (const planned of plan.open) {
      const { display } = planned.wall;
      const open = this.windows.get(display.id);
      if (open && !sameBounds(open.bounds, planned.bounds)) {
        open.bounds = planned.bounds;
        open.window.place(planned.bounds);
      }
      if (open && open.url !== planned.url) {
        open.url = planned.url;
        open.window.load(planned.url);
      } else if (!open) {
        this.open({ displayId: display.id, label: display.label, bounds: planned.bounds, url: planned.url });
      }
    }
    this.options.onChange?.();
    return plan.waiting;
  }

  private open(spec: WallWindowSpec): void {
    const serial = ++this.serial;
    let window: WallWindow | null = null;
    let closed = false;
    const onClosed = (): void => {
      if (closed) return;
      closed = true;
      this.options.guard.release(serial);
      if (window) this.windowClosed(spec, window);
    };
    this.options.guard.hold(serial);
    try {
      window = this.options.openWindow(spec, onClosed);
    } catch (error) {
      // No window, so nothing keeps the display awake for it, and a screen event handler
      // must not throw: the wall stays saved and is tried again at the next display change.
      this.options.guard.release(serial);
      this.options.log(
        `${wallName({ id: spec.displayId, label: spec.label })}: could not open: ${String(error)}`,
      );
      return;
    }
    if (!closed) this.windows.set(spec.displayId, { window, url: spec.url, bounds: spec.bounds });
  }

  private windowClosed(spec: WallWindowSpec, window: WallWindow): void {
    if (this.windows.get(spec.displayId)?.window === window) this.windows.delete(spec.displayId);
    if (this.closingOnPurpose.delete(window) || this.quitting) return;
    // Closed by a person (Alt+F4, Cmd+W, the window manager): this monitor is no longer a wall.
    this.walls = this.walls.filter((wall) => wall.display.id !== spec.displayId);
    this.save();
    this.options.log(`${wallName({ id: spec.displayId, label: spec.label })} closed by hand: forgotten`);
    this.options.onChange?.();
  }

  /** Closes a wall window without forgetting its wall; it leaves the map at once, so a new wall
   * on the same display never waits for the old window's 'closed'. */
  private closeOnPurpose(displayId: number): void {
    const open = this.windows.get(displayId);
    if (!open) return;
    this.windows.delete(displayId);
    this.closingOnPurpose.add(open.window);
    open.window.close();
  }

  private save(): void {
    saveWalls(this.options.store, this.walls);
  }
}
