import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import { EXPORT_FILE_TYPES } from './export-files';
import type { SaveChoice } from './export-pipeline';

/** The export pipeline's chooseFile: the system save dialog, attached to the console window. */
export function chooseFileWithDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parent: () => BrowserWindow | null,
): (choice: SaveChoice) => Promise<string | null> {
  return async ({ defaultPath, format }) => {
    const type = EXPORT_FILE_TYPES[format];
    const options: SaveDialogOptions = {
      title: 'Save the incident timeline',
      defaultPath,
      filters: [{ name: type.label, extensions: [type.extension] }],
      // The overwrite question is the dialog's: the pipeline writes exactly where it is told.
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = parent();
    const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
