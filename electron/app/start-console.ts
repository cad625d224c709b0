import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  type BrowserWindow,
  ipcMain,
  Menu,
  Notification,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { serveAppProtocol } from '../app-protocol/register-app-protocol';
import { safeStorageCipher } from '../auth/safe-storage-cipher';
import { TokenVault } from '../auth/token-vault';
import { desktopExports } from '../export/desktop-exports';
import { chooseHub } from '../hub/choose-hub';
import { type ConnectedHub, connectHub, consoleToken, hubIdentity } from '../hub/connect-hub';
import { spawnWithNode } from '../hub/spawn-node';
import { spawnWithUtilityProcess } from '../hub/spawn-utility';
import { registerIpcHandlers } from '../ipc/register-handlers';
import type { DesktopLogs } from '../logging/desktop-logs';
import { appMenuTemplate } from '../menu/app-menu';
import { createDesktopNotifier } from '../notifications/desktop-notifier';
import { hardenSession } from '../session/harden-session';
import { loadClientId, readSettings } from '../store/settings';
import { desktopWalls } from '../wall/desktop-walls';
import { createMainWindow } from '../window/create-main-window';
import { type AppPaths, appPaths } from './app-paths';
import { createConsoleCore } from './console-core';
import { type ConsoleStores, openConsoleStores } from './open-stores';

/** The running console: its window and how to shut everything down. */
export interface ConsoleRuntime {
  readonly paths: AppPaths;
  /** The console window, reopened if it was closed (macOS dock click, second instance). */
  showWindow(): BrowserWindow;
  /** Stops the replica and, if we started it, the embedded hub. */
  stop(): Promise<void>;
}

/** Runs after app ready: stores, hub, replica, IPC, protocol, menu, then the window. */
export async function startConsole(
  log: (message: string) => void,
  logs: Pick<DesktopLogs, 'hubLine' | 'folder'>,
): Promise<ConsoleRuntime> {
  const paths = appPaths(__dirname);
  const userData = app.getPath('userData');
  const stores = openConsoleStores(userData, log);
  const settings = readSettings(stores.settings, log);

  const hub: ConnectedHub = await connectHub(chooseHub(process.env, settings), {
    // Packaged builds have no system Node; development uses it (see electron/hub/hub-child.ts).
    spawner: app.isPackaged
      ? spawnWithUtilityProcess((modulePath, args, options) => utilityProcess.fork(modulePath, args, options))
      : spawnWithNode(process.env.SITROOM_NODE ?? 'node'),
    place: {
      appRoot: paths.root,
      isPackaged: app.isPackaged,
      dataDir: path.join(userData, 'hub'),
      exists: existsSync,
    },
    log,
    onHubOutput: logs.hubLine,
  });

  try {
    return await wireConsole(paths, stores, hub, log, logs.folder);
  } catch (error) {
    // Do not leave an embedded hub running behind a console that failed to open.
    await hub.embedded?.stop();
    throw error;
  }
}

async function wireConsole(
  paths: AppPaths,
  stores: ConsoleStores,
  hub: ConnectedHub,
  log: (message: string) => void,
  logFolder: () => string,
): Promise<ConsoleRuntime> {
  hardenSession(session.defaultSession, hub.url, log);
  serveAppProtocol(protocol, net, paths.webRoot, hub.url);

  const vault = new TokenVault({
    store: stores.settings,
    cipher: safeStorageCipher(safeStorage, process.platform),
    hub: hubIdentity(hub),
    log,
  });
  vault.load();
  let window: BrowserWindow | null = null;
  const { replica, feeds, api, stop } = createConsoleCore({
    hubUrl: hub.url,
    vault,
    // The embedded hub's open-mode key, else whoever signed in.
    token: consoleToken(hub, () => vault.current()),
    clientId: loadClientId(stores.settings, randomUUID),
    stores: { store: stores.boardCache, board: stores.board },
    exports: desktopExports(() => (window && !window.isDestroyed() ? window : null), log),
    // showWindow is defined below; a notification can only be clicked once the window is up.
    notify: createDesktopNotifier({
      Notification,
      focusConsole: () => showWindow(),
      platform: process.platform,
      log,
    }),
    log,
  });
  registerIpcHandlers(ipcMain, { api, feeds, log });
  const iconPath = existsSync(paths.icon) ? paths.icon : undefined;
  // The menu is rebuilt whenever monitors or walls change (setMenu is defined before any change).
  const walls = desktopWalls({
    store: stores.settings,
    preloadPath: paths.preload,
    iconPath,
    log,
    onChange: () => setMenu(),
  });
  const setMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          isMac: process.platform === 'darwin',
          isPackaged: app.isPackaged,
          walls: walls.menu(),
          help: {
            openLogFolder: () =>
              void shell.openPath(logFolder()).then((error) => {
                if (error) log(`could not open the log folder: ${error}`);
              }),
          },
        }),
      ),
    );
  setMenu();
  await replica.start();

  const showWindow = (): BrowserWindow => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow(paths.preload, iconPath);
    } else {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    return window;
  };
  showWindow();
  // Remembered walls open after the console window, so that one is the app's first window.
  walls.start();

  return {
    paths,
    showWindow,
    async stop() {
      stop();
      await hub.embedded?.stop();
    },
  };
}
