import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ulid } from 'ulid';
import { electronBinaryAvailable } from '../../../scripts/electron-binary.mjs';
import { samplesDir } from '../../support/hub';
import { BRIDGE_KEYS } from '../../support/preload-bridge';
import { ConsoleApp, NO_ELECTRON_BINARY } from './console-app';

test.skip(!electronBinaryAvailable(), NO_ELECTRON_BINARY);

let consoleApp: ConsoleApp;

test.beforeEach(async () => {
  consoleApp = await ConsoleApp.launch();
  await consoleApp.waitForBoard();
});

test.afterEach(async () => {
  await consoleApp?.close();
});

/** Fires the Alertmanager sample into the console's embedded hub; it becomes INC-1. */
async function fireSampleAlert(): Promise<void> {
  const info = await consoleApp.page.evaluate(() => window.sitroom?.hubInfo());
  if (!info) throw new Error('no bridge');
  const body = readFileSync(path.join(samplesDir, 'alertmanager-firing.json'), 'utf8');
  const response = await fetch(info.ingest.alertmanager, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(response.status).toBe(200);
}

test('the console page has the bridge and no Node', async () => {
  const { page } = consoleApp;
  expect(page.url()).toMatch(/^sitroom:\/\/console\//);
  expect(await page.evaluate(() => Object.keys(window.sitroom ?? {}).sort())).toEqual([...BRIDGE_KEYS]);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('the bridge reaches the embedded hub, which stops with the app', async () => {
  const info = await consoleApp.page.evaluate(() => window.sitroom?.hubInfo());
  expect(info?.openMode).toBe(true);
  expect(info?.consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(await consoleApp.page.evaluate(() => window.sitroom?.session())).toMatchObject({
    user: { id: 'local' },
    openMode: true,
  });
  const healthz = new URL('/healthz', info?.consoleUrl).href;
  expect((await fetch(healthz)).status).toBe(200);
  await consoleApp.close();
  await expect(fetch(healthz)).rejects.toThrow();
});

test('an acknowledgement through the bridge lands once in the timeline', async () => {
  const { page } = consoleApp;
  await fireSampleAlert();
  const ack = { commandId: ulid(), type: 'acknowledge', incidentId: 'INC-1' } as const;
  const answer = await page.evaluate((command) => window.sitroom?.sendCommand(command), ack);
  expect(answer).toMatchObject({ ok: true, seq: expect.any(Number) });
  // A replay (a retry after a lost answer) gets the same answer and changes nothing.
  expect(await page.evaluate((command) => window.sitroom?.sendCommand(command), ack)).toEqual(answer);

  const record = await page.evaluate(() => window.sitroom?.incidentRecord('INC-1'));
  const acks = record?.events.filter((event) => event.type === 'incident_acknowledged') ?? [];
  expect(acks).toHaveLength(1);
});

test('a malformed command is refused by main before it reaches the hub', async () => {
  const { page } = consoleApp;
  const message = await page.evaluate(async () => {
    const api = window.sitroom;
    if (!api) return 'no bridge';
    // What a compromised page might send: the type system is not there at runtime.
    const bogus = { commandId: 'nope', type: 'delete_everything', incidentId: 'INC-1' };
    return api.sendCommand(bogus as unknown as Parameters<typeof api.sendCommand>[0]).then(
      () => 'accepted',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  });
  expect(message).toBe('sitroom:send-command refused');
  await consoleApp.waitForLog(/sitroom:send-command: invalid arguments/);
});

test('escalations come through the bridge, and main refuses an oversized notification', async () => {
  const { page } = consoleApp;
  const view = await page.evaluate(() => window.sitroom?.escalations());
  expect(view).toMatchObject({ escalations: [], oncall: expect.any(Array) });
  expect(await page.evaluate(() => window.sitroom?.notify('Paged: INC-1 SEV1', 'Level 1'))).toBeUndefined();
  const message = await page.evaluate(() =>
    window.sitroom?.notify('x'.repeat(10_000), '').then(
      () => 'shown',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
  );
  expect(message).toBe('sitroom:notify refused');
  await consoleApp.waitForLog(/sitroom:notify: invalid arguments/);
});

test('a refusal from the hub reaches the page in the hub’s own words', async () => {
  // Not Electron's "Error invoking remote method …" wrapping: main answers with a reply object
  // and the preload rethrows its message (shared/ipc.ts, IpcReply).
  const message = await consoleApp.page.evaluate(() =>
    window.sitroom?.incidentRecord('INC-404').then(
      () => 'found',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
  );
  expect(message).toBe('There is no incident INC-404.');
});

test('timelines are saved as Markdown and printed to PDF where the dialog says', async () => {
  const { app, page } = consoleApp;
  await fireSampleAlert();
  const folder = consoleApp.scratchDir();
  for (const format of ['md', 'pdf'] as const) {
    const target = path.join(folder, `timeline.${format}`);
    // Stands in for the person choosing a file in the system dialog.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, target);
    const result = await page.evaluate(
      (f) => window.sitroom?.exportTimeline('INC-1', f, 'Europe/Berlin'),
      format,
    );
    expect(result).toEqual({ saved: true, location: target });
    const saved = readFileSync(target);
    if (format === 'pdf') expect(saved.subarray(0, 4).toString('latin1')).toBe('%PDF');
    else expect(saved.toString('utf8')).toContain('PostgresReplicationLag');
  }
  // The hidden printing window is gone again.
  expect(app.windows()).toHaveLength(1);

  await app.evaluate(({ dialog }) => {
    dialog.showSaveDialog = async () => ({ canceled: true, filePath: '' });
  });
  expect(await page.evaluate(() => window.sitroom?.exportTimeline('INC-1', 'csv', 'UTC'))).toEqual({
    saved: false,
  });
});

test('window.open is denied and no second window appears', async () => {
  const { app, page } = consoleApp;
  expect(await page.evaluate(() => window.open('about:blank') === null)).toBe(true);
  await consoleApp.waitForLog(/refused to open a window for "about:blank"/);
  expect(app.windows()).toHaveLength(1);
});

test('the page cannot navigate away from the console', async () => {
  const { page } = consoleApp;
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://phish.example.invalid/login';
  });
  await consoleApp.waitForLog(/refused navigation to "https:\/\/phish\.example\.invalid\/login"/);
  await expect(page.locator('[data-testid="board-root"]')).toBeVisible();
  expect(page.url()).toBe(before);
});
