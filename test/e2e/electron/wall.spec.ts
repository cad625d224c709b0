import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinaryAvailable } from '../../../scripts/electron-binary.mjs';
import { BOARD_READY, ConsoleApp, NO_ELECTRON_BINARY } from './console-app';

test.skip(!electronBinaryAvailable(), NO_ELECTRON_BINARY);

let consoleApp: ConsoleApp | null = null;

test.afterEach(async () => {
  await consoleApp?.close();
  consoleApp = null;
});

/** What main knows about its windows: the page each shows and whether it is throttled. */
async function windowsOf(app: ConsoleApp) {
  return app.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      url: window.webContents.getURL(),
      backgroundThrottling: window.webContents.getBackgroundThrottling(),
    })),
  );
}

const wallsIn = (windows: Awaited<ReturnType<typeof windowsOf>>) =>
  windows.filter((window) => new URL(window.url || 'about:blank').searchParams.get('wall') === '1');

test('a wall made from the menu opens with ?wall=1, is remembered across a restart, and closes', async () => {
  consoleApp = await ConsoleApp.launch();
  await consoleApp.waitForBoard();
  const displayId = await consoleApp.app.evaluate(({ screen }) => screen.getPrimaryDisplay().id);
  await consoleApp.app.evaluate(({ Menu }, id) => {
    Menu.getApplicationMenu()?.getMenuItemById(`wall:${id}:escalations`)?.click();
  }, displayId);
  await consoleApp.waitForLog(/wall open: keeping the displays awake/);
  await expect.poll(async () => wallsIn(await windowsOf(consoleApp as ConsoleApp)).length).toBe(1);
  const [wall] = wallsIn(await windowsOf(consoleApp));
  expect(new URL(wall?.url ?? '').searchParams.get('view')).toBe('escalations');
  expect(wall?.backgroundThrottling).toBe(false);
  // The wall page runs as hardened as the console's: the bridge, and no Node.
  const wallPage = consoleApp.app.windows().find((page) => page.url().includes('wall=1'));
  expect(await wallPage?.evaluate(() => typeof window.sitroom)).toBe('object');
  expect(await wallPage?.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  );
  expect(await wallPage?.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
    'undefined',
  );
  // The console window stays usable next to it.
  await expect(consoleApp.page.locator(BOARD_READY)).toBeVisible();
  const profile = await consoleApp.close({ keepProfile: true });
  const saved = JSON.parse(readFileSync(path.join(profile, 'settings.json'), 'utf8'));
  expect(saved.walls).toEqual([expect.objectContaining({ view: 'escalations' })]);

  // A restart reopens it after the console window, without anyone asking.
  consoleApp = await ConsoleApp.launch({ profile });
  await consoleApp.waitForBoard();
  expect(consoleApp.page.url()).not.toContain('wall=1');
  await expect.poll(async () => wallsIn(await windowsOf(consoleApp as ConsoleApp)).length).toBe(1);

  // "Close walls" closes it and forgets it.
  await consoleApp.app.evaluate(({ Menu }) => {
    Menu.getApplicationMenu()?.getMenuItemById('wall:close')?.click();
  });
  await consoleApp.waitForLog(/no wall open: the displays may sleep again/);
  await expect.poll(async () => (await windowsOf(consoleApp as ConsoleApp)).length).toBe(1);
  const after = JSON.parse(readFileSync(path.join(profile, 'settings.json'), 'utf8'));
  expect(after.walls).toBeUndefined();
});
