import path from 'node:path';
import { app, dialog, protocol, shell } from 'electron';
import electronLog from 'electron-log/node';
import { type ConsoleRuntime, startConsole } from './app/start-console';
import { APP_SCHEME_PRIVILEGES } from './app-protocol/register-app-protocol';
import { desktopLogs } from './logging/desktop-logs';
import { hardenWebContents } from './window/harden-web-contents';

// The Electron entry point, kept thin: process-wide switches that must be set before ready, the
// single-instance lock and the quit sequence. Everything else is in app/start-console.ts.

// Tests and side-by-side consoles get their own profile (and so their own instance lock, and
// their own log folder: setAppLogsPath puts it under userData on Linux and Windows).
if (process.env.SITROOM_USER_DATA_DIR)
  app.setPath('userData', path.resolve(process.env.SITROOM_USER_DATA_DIR));
app.setAppLogsPath();

// main.log and hub.log in the platform's log folder (logging/desktop-logs.ts), and the terminal.
// electron-log's Node flavour, not electron-log/main: that one listens on an IPC channel of its
// own for renderer logs, a door no renderer here needs and none of our IPC checks would guard.
const logs = desktopLogs(electronLog, app.getPath('logs'));
const log = (message: string): void => logs.main(`[sitroom] ${message}`);

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } },
]);

if (app.requestSingleInstanceLock()) {
  let runtime: ConsoleRuntime | null = null;
  let stopped = false;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, log));
  app.on('second-instance', () => runtime?.showWindow());
  app.on('activate', () => runtime?.showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (stopped || runtime === null) return;
    // Hold the quit until the embedded hub has closed its database.
    event.preventDefault();
    const current = runtime;
    runtime = null;
    current
      .stop()
      .catch((error: unknown) => log(`shutdown: ${String(error)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      runtime = await startConsole(log, logs);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`could not start: ${message}`);
      dialog.showErrorBox('Sitroom could not start', message);
      app.exit(1);
    });
} else {
  // Another console already runs on this profile; it is brought to the front by 'second-instance'.
  app.quit();
}
