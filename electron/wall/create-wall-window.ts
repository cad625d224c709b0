import { app, BrowserWindow } from 'electron';
import type { WallWindow, WallWindowSpec } from './wall-manager';
import { wallName } from './wall-manager';
import { MEMORY_CHECK_INTERVAL_MS, WallRecovery } from './wall-recovery';
import { wallWindowOptions } from './wall-window-options';

// The Electron side of one wall window. Navigation, window.open and webview rules reach it like
// every webContents (app 'web-contents-created' in main.ts); the session's CSP and permission
// handlers are the default session's. What is added here is keeping it up without anyone around.

const ERR_ABORTED = -3;

export interface WallWindowDeps {
  readonly preloadPath: string;
  readonly iconPath: string | undefined;
  readonly log: (message: string) => void;
  /** The window is gone, for whatever reason. */
  readonly closed: () => void;
  /** Windows is logging off or shutting down: the closes that follow are not a person's choice. */
  readonly sessionEnding: () => void;
}

export function createWallWindow(spec: WallWindowSpec, deps: WallWindowDeps): WallWindow {
  const window = new BrowserWindow(
    wallWindowOptions(deps.preloadPath, spec.bounds, spec.label, deps.iconPath),
  );
  // No menu bar on a wall; the application menu's accelerators (Close walls, Quit) still work.
  window.setMenuBarVisibility(false);
  const contents = window.webContents;
  const name = wallName({ id: spec.displayId, label: spec.label });
  let url = spec.url;

  const load = (): void => {
    if (window.isDestroyed()) return;
    void window.loadURL(url).catch(() => {
      // did-fail-load reports it, and recovery retries.
    });
  };
  const recovery = new WallRecovery({
    name,
    reload: load,
    restartRenderer: () => {
      if (!window.isDestroyed()) contents.forcefullyCrashRenderer();
    },
    log: deps.log,
  });

  contents.on('render-process-gone', (_event, details) => recovery.processGone(details.reason));
  contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    // A load replaced by the next one (a reload during a reload) is not a failure.
    if (isMainFrame && code !== ERR_ABORTED) recovery.loadFailed(`${description}, ${code}`);
  });
  contents.on('did-finish-load', () => recovery.loaded());
  window.on('unresponsive', () => recovery.unresponsive());
  window.on('responsive', () => recovery.responsive());
  window.on('session-end', () => deps.sessionEnding());
  window.once('ready-to-show', () => {
    // Inactive: a monitor plugged in while someone types in the console must not take their keys.
    window.showInactive();
    // Some window managers only honour full-screen for a window already on its monitor.
    if (!window.isFullScreen()) window.setFullScreen(true);
  });

  const memoryCheck = setInterval(() => {
    if (window.isDestroyed()) return;
    const pid = contents.getOSProcessId();
    const metric = app.getAppMetrics().find((process) => process.pid === pid);
    if (metric) recovery.memorySample(metric.memory.workingSetSize);
  }, MEMORY_CHECK_INTERVAL_MS);

  window.once('closed', () => {
    clearInterval(memoryCheck);
    recovery.dispose();
    deps.closed();
  });
  deps.log(`${name}: opening ${url}`);
  load();

  return {
    load(next) {
      url = next;
      load();
    },
    place(bounds) {
      if (window.isDestroyed()) return;
      // Out of full-screen, onto the monitor's new place, and back: a full-screen window ignores setBounds.
      window.setFullScreen(false);
      window.setBounds(bounds);
      window.setFullScreen(true);
    },
    close() {
      if (!window.isDestroyed()) window.close();
    },
  };
}
