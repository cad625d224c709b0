import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import { desktopLogs, hubLineLevel } from '../../../electron/logging/desktop-logs';

// The desktop app's log files, written by the real electron-log (its Node flavour, as the app
// uses it) into a temporary folder standing in for the platform's log folder.

describe('the desktop log files', () => {
  it('writes main-process messages to main.log and the hub lines, as printed, to hub.log', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sitroom-logs-'));
    const root = log.create({ logId: `test-${Date.now()}` });
    root.transports.console.level = false;
    const logs = desktopLogs(root, folder);
    const record = '{"level":"warn","time":"2026-12-05T05:00:00.000Z","msg":"config: RELOAD REFUSED"}';
    logs.main('embedded hub ready at http://127.0.0.1:41234/');
    logs.hubLine(record);
    expect(logs.folder()).toBe(folder);
    expect(readFileSync(path.join(folder, 'main.log'), 'utf8')).toMatch(
      /\[info\]\s+embedded hub ready at http:\/\/127\.0\.0\.1:41234\/\n$/,
    );
    expect(readFileSync(path.join(folder, 'hub.log'), 'utf8')).toBe(`${record}\n`);
  });

  it("logs a hub line at the record's own level", () => {
    expect(hubLineLevel('{"level":"error","msg":"hub: GET / failed"}')).toBe('error');
    expect(hubLineLevel('{"level":"warn","msg":"x"}')).toBe('warn');
    expect(hubLineLevel('{"level":"debug","msg":"x"}')).toBe('debug');
    expect(hubLineLevel('a plain line with "level":"error" in it')).toBe('info');
  });
});
