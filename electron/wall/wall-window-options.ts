import type { BrowserWindowConstructorOptions } from 'electron';
import { mainWindowOptions } from '../window/main-window-options';
import type { WallBounds } from './wall-config';

/**
 * A wall window's options: the console window's webPreferences unchanged (isolated, sandboxed, no
 * Node, the same preload), so hardening cannot drift between the two, plus what a screen that is
 * never looked at up close needs: no throttling when it is not focused (it never is), full-screen
 * on its monitor, and the console's dark background so a load or reload never flashes white.
 */
export function wallWindowOptions(
  preloadPath: string,
  bounds: WallBounds,
  label: string,
  iconPath?: string,
): BrowserWindowConstructorOptions {
  const consoleWindow = mainWindowOptions(preloadPath, iconPath);
  return {
    ...bounds,
    title: label === '' ? 'Sitroom wall' : `Sitroom wall — ${label}`,
    backgroundColor: consoleWindow.backgroundColor,
    // Shown on ready-to-show, after the first paint.
    show: false,
    fullscreen: true,
    fullscreenable: true,
    // The menu bar stays hidden (create-wall-window.ts); its accelerators still work.
    autoHideMenuBar: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      ...consoleWindow.webPreferences,
      backgroundThrottling: false,
    },
  };
}
