import type { MenuItemConstructorOptions } from 'electron';
import { type WallMenuModel, wallMenu } from '../wall/wall-menu';

/**
 * A minimal menu. Reload and DevTools exist only in development: on a wall display a stray
 * Ctrl+R would blank the board, and the replica already keeps the view current. View → Wall
 * display turns monitors into walls (electron/wall/); the menu is rebuilt when monitors or walls
 * change.
 */
export function appMenuTemplate(options: {
  readonly isMac: boolean;
  readonly isPackaged: boolean;
  readonly walls?: WallMenuModel;
  /** Help → Open log folder: where main.log and hub.log are (logging/desktop-logs.ts). */
  readonly help?: { readonly openLogFolder: () => void };
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged)
    view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  if (options.walls) view.push({ type: 'separator' }, wallMenu(options.walls));
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    ...(options.help ? [helpMenu(options.help)] : []),
  ];
}

/** What someone asked to send "the logs" needs first: where they are. */
function helpMenu(help: { readonly openLogFolder: () => void }): MenuItemConstructorOptions {
  return { role: 'help', submenu: [{ label: 'Open log folder', click: () => help.openLogFolder() }] };
}
