import type { BrowserWindowConstructorOptions } from 'electron';
import { HARDENED_WEB_PREFERENCES } from './hardened-web-preferences';

/**
 * The console window's options. Every renderer runs isolated, sandboxed and without Node; the
 * preload is the only bridge. Pure so a test can pin these flags down.
 */
export function mainWindowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Sitroom',
    backgroundColor: '#0f141a',
    // Shown on ready-to-show, so a wall display never flashes an empty white frame.
    show: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      preload: preloadPath,
      safeDialogs: true,
    },
  };
}
