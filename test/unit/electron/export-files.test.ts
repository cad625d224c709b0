import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSavePath, exportFileName } from '../../../electron/export/export-files';
import {
  isPrintRequestAllowed,
  PDF_PARTITION,
  PDF_PRINT_OPTIONS,
  pdfWindowOptions,
} from '../../../electron/export/pdf-window';

describe('the suggested file name', () => {
  it('is the hub’s name with the format’s extension', () => {
    expect(exportFileName('INC-4-timeline.md', 'INC-4', 'md')).toBe('INC-4-timeline.md');
    expect(exportFileName('INC-4-timeline.html', 'INC-4', 'pdf')).toBe('INC-4-timeline.pdf');
    expect(exportFileName('INC-4-timeline', 'INC-4', 'csv')).toBe('INC-4-timeline.csv');
  });

  it('keeps no folders or characters a file system refuses from the hub’s name', () => {
    expect(exportFileName('../../.bashrc', 'INC-4', 'md')).toBe('bashrc.md');
    expect(exportFileName('C:\\Windows\\system32\\evil.json', 'INC-4', 'json')).toBe('evil.json');
    expect(exportFileName('a<b>c:d"e|f?g*h\u0000i\u001b.csv', 'INC-4', 'csv')).toBe('a-b-c-d-e-f-g-h-i.csv');
    expect(exportFileName(`${'x'.repeat(500)}.md`, 'INC-4', 'md')).toHaveLength(123);
  });

  it('falls back to the incident id when nothing usable is left', () => {
    expect(exportFileName('', 'INC-4', 'md')).toBe('INC-4-timeline.md');
    expect(exportFileName('...', 'INC-4', 'html')).toBe('INC-4-timeline.html');
    expect(exportFileName('CON.md', 'INC-4', 'md')).toBe('INC-4-timeline.md');
    expect(exportFileName('', 'a/b', 'md')).toBe('a-b-timeline.md');
  });

  it('starts in the Documents folder', () => {
    expect(defaultSavePath('/home/dana/Documents', 'INC-4-timeline.pdf')).toBe(
      path.join('/home/dana/Documents', 'INC-4-timeline.pdf'),
    );
  });
});

describe('the hidden PDF window', () => {
  it('runs no script, no Node and no preload, sandboxed in a session of its own', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      partition: PDF_PARTITION,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('prints A4 with backgrounds', () => {
    expect(PDF_PRINT_OPTIONS).toEqual({ printBackground: true, pageSize: 'A4' });
  });

  it('loads only files inside the folders being printed', () => {
    const folder = path.resolve('/tmp/sitroom-pdf-abc');
    const inside = `file://${path.join(folder, 'timeline.html')}`;
    expect(isPrintRequestAllowed(inside, [folder])).toBe(true);
    for (const url of [
      'https://evil.example/beacon.gif',
      'http://127.0.0.1:7420/api/v1/hub',
      'file:///etc/passwd',
      `file://${folder}-other/timeline.html`,
      `file://${folder}/../secret.html`,
      `file://${folder}`,
      'sitroom://console/index.html',
      'data:text/html,<p>hi</p>',
    ]) {
      expect(isPrintRequestAllowed(url, [folder]), url).toBe(false);
    }
    expect(isPrintRequestAllowed(inside, [])).toBe(false);
  });
});
