import { app, powerMonitor, powerSaveBlocker, screen } from 'electron';
import type { KeyValueStore } from '../store/key-value-store';
import { createWallWindow } from './create-wall-window';
import { DisplaySleepGuard } from './display-sleep-guard';
import { WallManager } from './wall-manager';
import type { WallMenuModel } from './wall-menu';

/** The wall displays of the desktop app, wired to Electron's screen, power and quit events. */
export interface DesktopWalls {
  /** Reopens the remembered walls and follows monitors coming and going. Call after the main window. */
  start(): void;
  /** What the "Wall display" menu shows now. */
  menu(): WallMenuModel;
}

export interface DesktopWallsOptions {
  readonly store: KeyValueStore;
  readonly preloadPath: string;
  readonly iconPath: string | undefined;
  readonly log: (message: string) => void;
  /** Walls or monitors changed: rebuild the menu. */
  readonly onChange: () => void;
}

export function desktopWalls(options: DesktopWallsOptions): DesktopWalls {
  const { log } = options;
  const manager = new WallManager({
    screen,
    store: options.store,
    guard: new DisplaySleepGuard(powerSaveBlocker, log),
    log,
    onChange: options.onChange,
    openWindow: (spec, closed) =>
      createWallWindow(spec, {
        preloadPath: options.preloadPath,
        iconPath: options.iconPath,
        log,
        closed,
        sessionEnding: () => manager.appQuitting(),
      }),
  });
  return {
    start() {
      const changed = (): void => manager.displaysChanged();
      screen.on('display-added', changed);
      screen.on('display-removed', changed);
      screen.on('display-metrics-changed', changed);
      // Walls closed by quitting, logging off or shutting down are reopened at the next start.
      app.on('before-quit', () => manager.appQuitting());
      powerMonitor.on('shutdown', () => manager.appQuitting());
      manager.start();
    },
    menu: () => ({
      displays: screen.getAllDisplays(),
      walls: manager.savedWalls(),
      makeWall: (displayId, choice) => manager.makeWall(displayId, choice),
      setSound: (displayId, severity, on) => manager.setSound(displayId, severity, on),
      setDwell: (displayId, seconds) => manager.setDwell(displayId, seconds),
      closeWalls: () => manager.closeAll(),
    }),
  };
}
