import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ExportPipelineDeps,
  exportTimeline,
  type SaveChoice,
} from '../../../electron/export/export-pipeline';
import type { ExportFormat } from '../../../shared/api';
import type { DownloadedExport } from '../../../shared/hub-client';

// The pipeline with the hub download, the dialog and the printer injected; files are really
// written, into a temporary "Documents" folder.

const TEXTS: Readonly<Record<Exclude<ExportFormat, 'pdf'>, DownloadedExport>> = {
  md: { filename: 'INC-4-timeline.md', contentType: 'text/markdown', text: '# INC-4 — timeline\n' },
  csv: { filename: 'INC-4-timeline.csv', contentType: 'text/csv', text: 'seq,at,event\r\n7,…,ack\r\n' },
  json: { filename: 'INC-4-timeline.json', contentType: 'application/json', text: '{"incident":"INC-4"}' },
  html: { filename: 'INC-4-timeline.html', contentType: 'text/html', text: '<!doctype html><h1>INC-4</h1>' },
};
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]); // %PDF-1.7

let documents: string;
let choices: SaveChoice[];
let downloads: Array<[string, string, string]>;
let printToPdf: ReturnType<typeof vi.fn<(html: string) => Promise<Uint8Array>>>;

function deps(answer: (choice: SaveChoice) => string | null): ExportPipelineDeps {
  return {
    download: async (incidentId, format, timeZone) => {
      downloads.push([incidentId, format, timeZone]);
      return TEXTS[format];
    },
    printToPdf,
    chooseFile: async (choice) => {
      choices.push(choice);
      return answer(choice);
    },
    writeFile: (filePath, content) => writeFile(filePath, content),
    documentsDir: documents,
  };
}
/** The person accepts the suggested name. */
const accept = (choice: SaveChoice): string => choice.defaultPath;

beforeEach(() => {
  documents = mkdtempSync(path.join(tmpdir(), 'sitroom-documents-'));
  choices = [];
  downloads = [];
  printToPdf = vi.fn(async () => PDF_BYTES);
});
afterEach(() => {
  rmSync(documents, { recursive: true, force: true });
});

describe('exporting a timeline', () => {
  it.each(['md', 'csv', 'json', 'html'] as const)(
    'saves %s under the hub’s file name, as downloaded',
    async (format) => {
      const result = await exportTimeline(deps(accept), 'INC-4', format, 'Europe/Berlin');
      const expected = path.join(documents, `INC-4-timeline.${format}`);
      expect(result).toEqual({ saved: true, location: expected });
      expect(downloads).toEqual([['INC-4', format, 'Europe/Berlin']]);
      expect(choices).toEqual([{ defaultPath: expected, format }]);
      expect(readFileSync(expected, 'utf8')).toBe(TEXTS[format].text);
      expect(printToPdf).not.toHaveBeenCalled();
    },
  );

  it('prints the HTML export for a PDF and saves the printed bytes as .pdf', async () => {
    const result = await exportTimeline(deps(accept), 'INC-4', 'pdf', 'UTC');
    const expected = path.join(documents, 'INC-4-timeline.pdf');
    expect(result).toEqual({ saved: true, location: expected });
    expect(downloads).toEqual([['INC-4', 'html', 'UTC']]);
    expect(printToPdf).toHaveBeenCalledExactlyOnceWith(TEXTS.html.text);
    expect(choices).toEqual([{ defaultPath: expected, format: 'pdf' }]);
    expect(new Uint8Array(readFileSync(expected))).toEqual(PDF_BYTES);
  });

  it('writes where the person chose, not where it suggested', async () => {
    const elsewhere = path.join(documents, 'review', 'payments outage.md');
    mkdirSync(path.dirname(elsewhere));
    const result = await exportTimeline(
      deps(() => elsewhere),
      'INC-4',
      'md',
      'UTC',
    );
    expect(result).toEqual({ saved: true, location: elsewhere });
    expect(readFileSync(elsewhere, 'utf8')).toBe(TEXTS.md.text);
  });

  it.each(['md', 'pdf'] as const)(
    'reports a cancelled %s dialog as not saved, writing and printing nothing',
    async (format) => {
      const result = await exportTimeline(
        deps(() => null),
        'INC-4',
        format,
        'UTC',
      );
      expect(result).toEqual({ saved: false });
      expect(printToPdf).not.toHaveBeenCalled();
      expect(readdirSync(documents)).toEqual([]);
    },
  );

  it('asks nothing when the hub refuses the download', async () => {
    const refusing: ExportPipelineDeps = {
      ...deps(accept),
      download: () => Promise.reject(new Error('There is no incident INC-99.')),
    };
    await expect(exportTimeline(refusing, 'INC-99', 'pdf', 'UTC')).rejects.toThrow(
      'There is no incident INC-99.',
    );
    expect(choices).toEqual([]);
  });

  it('does not save when printing fails', async () => {
    printToPdf.mockRejectedValueOnce(new Error('printing the PDF took longer than 60 s'));
    await expect(exportTimeline(deps(accept), 'INC-4', 'pdf', 'UTC')).rejects.toThrow('took longer');
    expect(readdirSync(documents)).toEqual([]);
  });
});
