import path from 'node:path';
import type { NodeLogger } from 'electron-log';

// Where the desktop app writes its logs: electron-log's files in the platform's standard place
// (~/.config/Sitroom/logs on Linux, ~/Library/Logs/Sitroom on macOS, %APPDATA%\Sitroom\logs on
// Windows), so a packaged wall keeps the lines that explain a failure. main.log holds the main
// process's own messages; hub.log the embedded hub's JSON records, one per line, as it wrote
// them. Nothing Electron-specific here: the logger (electron-log's Node flavour) and the folder
// (Electron's `app.getPath('logs')`) are passed in.

/** Each file is rotated to *.old.log past this size, so a wall running for months stays bounded. */
export const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024;

export interface DesktopLogs {
  /** A main-process message (the app's `log(message)`). */
  main(message: string): void;
  /** One line the embedded hub printed. */
  hubLine(line: string): void;
  /** The folder holding main.log and hub.log, for Help → Open log folder. */
  folder(): string;
}

/** Logs into `folder` (Electron's `app.getPath('logs')`) through `root`, an electron-log logger. */
export function desktopLogs(root: NodeLogger, folder: string): DesktopLogs {
  root.transports.file.resolvePathFn = (variables) => path.join(folder, variables.fileName ?? 'main.log');
  root.transports.file.fileName = 'main.log';
  root.transports.file.maxSize = LOG_FILE_MAX_BYTES;
  const hub = root.create({ logId: 'hub' });
  hub.transports.file.resolvePathFn = root.transports.file.resolvePathFn;
  hub.transports.file.fileName = 'hub.log';
  hub.transports.file.maxSize = LOG_FILE_MAX_BYTES;
  // The hub's lines are JSON records with their own time and level: written as they came.
  hub.transports.file.format = '{text}';
  hub.transports.console.format = '[hub] {text}';
  return {
    main: (message) => root.info(message),
    hubLine: (line) => hub[hubLineLevel(line)](line),
    folder: () => path.dirname(root.transports.file.getFile().path),
  };
}

/** The level of a hub line: the record's own for JSON, info for anything else it printed. */
export function hubLineLevel(line: string): 'error' | 'warn' | 'info' | 'debug' {
  const level = /^\{.*"level":"(fatal|error|warn|info|debug|trace)"/.exec(line)?.[1];
  if (level === 'fatal' || level === 'error') return 'error';
  if (level === 'warn') return 'warn';
  if (level === 'debug' || level === 'trace') return 'debug';
  return 'info';
}
