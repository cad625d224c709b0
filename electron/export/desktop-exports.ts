import { writeFile } from 'node:fs/promises';
import { app, type BrowserWindow, dialog } from 'electron';
import type { ExportPipelineDeps } from './export-pipeline';
import { createPdfPrinter } from './pdf-printer';
import { chooseFileWithDialog } from './save-dialog';

/** The export pipeline's Electron side: the save dialog, the PDF printer and the disk. */
export function desktopExports(
  parent: () => BrowserWindow | null,
  log: (message: string) => void,
): Omit<ExportPipelineDeps, 'download'> {
  return {
    chooseFile: chooseFileWithDialog(dialog, parent),
    printToPdf: createPdfPrinter(app.getPath('temp'), log),
    writeFile: (filePath, content) => writeFile(filePath, content),
    documentsDir: documentsFolder(),
  };
}

/** Documents, or home where the platform has no such folder (getPath throws then). */
function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}
