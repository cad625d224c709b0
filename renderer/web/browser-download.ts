import type { DownloadedExport } from '../../shared/hub-client';

// Saving a file from a page: the export was fetched with the bearer token (a plain link could
// not send it), so the text is handed to the browser as a Blob behind a temporary object URL.

/** Hands `file` to the browser's download manager under its own name. */
export function saveDownload(file: DownloadedExport): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started by the time the click returns in every engine we target, but
    // revoking at once has raced in older Chromium builds: give it a moment.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
