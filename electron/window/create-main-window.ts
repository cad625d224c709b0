import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/app-origin';
import { mainWindowOptions } from './main-window-options';

/** Opens the console window on the app's own origin and shows it once it has painted. */
export function createMainWindow(preloadPath: string, iconPath: string | undefined): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, iconPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL).catch(() => {
    // did-fail-load has the details and Electron logs them; the window stays up for a reload.
  });
  return window;
}
