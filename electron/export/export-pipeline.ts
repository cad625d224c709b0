import type { ExportFormat, ExportResult } from '../../shared/api';
import type { DownloadedExport } from '../../shared/hub-client';
import { defaultSavePath, exportFileName } from './export-files';

// Saving an incident timeline: the hub renders every text format (one exporter for browser and
// desktop); a PDF is the hub's HTML export printed by Chromium. Everything Electron does —
// dialog, printing, writing — is injected, so the pipeline is tested in plain Node.

export type HubExportFormat = Exclude<ExportFormat, 'pdf'>;

export interface SaveChoice {
  readonly defaultPath: string;
  readonly format: ExportFormat;
}

export interface ExportPipelineDeps {
  readonly download: (
    incidentId: string,
    format: HubExportFormat,
    timeZone: string,
  ) => Promise<DownloadedExport>;
  /** Prints an HTML document (the hub's HTML export) to PDF bytes. */
  readonly printToPdf: (html: string) => Promise<Uint8Array>;
  /** Asks where to save; null when the person cancels. */
  readonly chooseFile: (choice: SaveChoice) => Promise<string | null>;
  readonly writeFile: (filePath: string, content: string | Uint8Array) => Promise<void>;
  /** The person's Documents folder, where the dialog starts. */
  readonly documentsDir: string;
}

/** Downloads, asks where to save, then (for PDF) prints and writes. */
export async function exportTimeline(
  deps: ExportPipelineDeps,
  incidentId: string,
  format: ExportFormat,
  timeZone: string,
): Promise<ExportResult> {
  // Download first: a refusal from the hub (unknown incident, bad zone) is reported before the
  // person is asked for a place to put a file that cannot be made.
  const download = await deps.download(incidentId, format === 'pdf' ? 'html' : format, timeZone);
  const fileName = exportFileName(download.filename, incidentId, format);
  const chosen = await deps.chooseFile({ defaultPath: defaultSavePath(deps.documentsDir, fileName), format });
  if (chosen === null) return { saved: false };
  // Printing comes after the dialog so a cancelled PDF export costs no rendering.
  const content = format === 'pdf' ? await deps.printToPdf(download.text) : download.text;
  // Written exactly where the person chose: the dialog has already confirmed any overwrite there.
  await deps.writeFile(chosen, content);
  return { saved: true, location: chosen };
}
