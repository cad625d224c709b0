import path from 'node:path';
import type { ExportFormat } from '../../shared/api';

// File names for saved exports. The suggested name comes from the hub's Content-Disposition,
// which is input from a server: it is cut down to a plain name before it meets a file system.

export interface ExportFileType {
  /** The save dialog's filter label. */
  readonly label: string;
  readonly extension: ExportFormat;
}

export const EXPORT_FILE_TYPES: Readonly<Record<ExportFormat, ExportFileType>> = {
  md: { label: 'Markdown', extension: 'md' },
  csv: { label: 'CSV', extension: 'csv' },
  json: { label: 'JSON', extension: 'json' },
  html: { label: 'Web page', extension: 'html' },
  pdf: { label: 'PDF', extension: 'pdf' },
};

const MAX_NAME_LENGTH = 120;
// Separators, characters Windows forbids, and control characters (all of C0, DEL and C1).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]+/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A plain file name with the format's extension: no folders, nothing a file system rejects. */
export function exportFileName(suggested: string, incidentId: string, format: ExportFormat): string {
  const extension = EXPORT_FILE_TYPES[format].extension;
  const stem = safeStem(stripExtension(suggested)) ?? safeStem(`${incidentId}-timeline`) ?? 'timeline';
  return `${stem}.${extension}`;
}

/** Where the save dialog starts: the suggested name in the person's Documents folder. */
export function defaultSavePath(documentsDir: string, fileName: string): string {
  return path.join(documentsDir, fileName);
}

function stripExtension(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function safeStem(raw: string): string | null {
  const stem = raw
    .replace(UNSAFE, '-')
    .slice(0, MAX_NAME_LENGTH)
    // Leading dots hide files, Windows drops trailing dots and spaces, and a replaced character
    // at either end only leaves a stray dash.
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  if (stem === '' || WINDOWS_RESERVED.test(stem)) return null;
  return stem;
}
