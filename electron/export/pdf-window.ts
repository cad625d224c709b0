import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { HARDENED_WEB_PREFERENCES } from '../window/hardened-web-preferences';

// The hidden window that prints a timeline to PDF, as pure values so a Node test pins them down.
// The document it shows is the hub's HTML export: alert titles and notes come from outside, so
// the page gets no script, no Node, no preload, no network and nowhere to navigate.

/** An in-memory session (no "persist:" prefix) of its own: no cookies, cache or app CSP shared. */
export const PDF_PARTITION = 'sitroom-pdf-export';

/** A4 with the export's own background colours (severity badges). */
export const PDF_PRINT_OPTIONS = { printBackground: true, pageSize: 'A4' } as const;

/** How long loading and printing may take before the export is given up. */
export const PDF_TIMEOUT_MS = 60_000;

export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    // Never shown. Not `offscreen: true`: printing does not need off-screen rendering's frame
    // stream, and a hidden ordinary window prints the same pages.
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      partition: PDF_PARTITION,
      javascript: false,
      images: false,
    },
  };
}

/**
 * The hidden window's request filter: only files inside the temporary folders currently being
 * printed load. Everything else (network, other local files) is cancelled, whatever the
 * document's own CSP says.
 */
export function isPrintRequestAllowed(url: string, printFolders: Iterable<string>): boolean {
  if (!url.startsWith('file:')) return false;
  let requested: string;
  try {
    requested = fileURLToPath(url);
  } catch {
    return false;
  }
  for (const folder of printFolders) {
    const relative = path.relative(folder, requested);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return true;
  }
  return false;
}
