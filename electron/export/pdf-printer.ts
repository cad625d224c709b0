import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type Session, session } from 'electron';
import {
  isPrintRequestAllowed,
  PDF_PARTITION,
  PDF_PRINT_OPTIONS,
  PDF_TIMEOUT_MS,
  pdfWindowOptions,
} from './pdf-window';

// Prints HTML to PDF in a hidden, locked-down window. The HTML goes through a private temporary
// file rather than a data: URL, which Chromium caps at 2 MB — a long incident's timeline can
// be larger. The file, the folder and the window are gone when the call returns or fails.

/** Returns the function the export pipeline uses to print; the session is set up on first use. */
export function createPdfPrinter(
  tempDir: string,
  log: (message: string) => void,
): (html: string) => Promise<Uint8Array> {
  const printFolders = new Set<string>();
  let prepared: Session | null = null;
  const prepare = (): void => {
    if (prepared) return;
    prepared = session.fromPartition(PDF_PARTITION);
    prepared.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    prepared.setPermissionCheckHandler(() => false);
    prepared.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isPrintRequestAllowed(details.url, printFolders);
      if (!allowed) log(`pdf export: blocked a request for ${JSON.stringify(details.url.slice(0, 200))}`);
      callback({ cancel: !allowed });
    });
  };

  return async (html) => {
    prepare();
    const folder = await mkdtemp(path.join(tempDir, 'sitroom-pdf-'));
    printFolders.add(folder);
    let window: BrowserWindow | null = null;
    try {
      const file = path.join(folder, 'timeline.html');
      await writeFile(file, html, { mode: 0o600 });
      const hidden = new BrowserWindow(pdfWindowOptions());
      window = hidden;
      denyNavigation(hidden);
      const print = async (): Promise<Uint8Array> => {
        await hidden.loadURL(pathToFileURL(file).href);
        return hidden.webContents.printToPDF(PDF_PRINT_OPTIONS);
      };
      return await withTimeout(print(), PDF_TIMEOUT_MS);
    } finally {
      printFolders.delete(folder);
      if (window && !window.isDestroyed()) window.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  };
}

/** Stricter than the app-wide policy, which lets pages move within the console's own origin. */
function denyNavigation(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`printing the PDF took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
