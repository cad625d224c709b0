import type { BrowserWindowConstructorOptions } from 'electron';

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
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      enableWebSQL: false,
      safeDialogs: true,
    },
  };
}
