import { expect, test } from '@playwright/test';
import { electronBinaryAvailable } from '../../../scripts/electron-binary.mjs';
import { ConsoleApp } from './console-app';

test.skip(
  !electronBinaryAvailable(),
  'No Electron binary on this machine (it cannot be downloaded here); run where `npx install-electron` can fetch it',
);

let consoleApp: ConsoleApp;

test.beforeEach(async () => {
  consoleApp = await ConsoleApp.launch();
  await consoleApp.waitForBoard();
});

test.afterEach(async () => {
  await consoleApp?.close();
});

test('the console page has the bridge and no Node', async () => {
  const { page } = consoleApp;
  expect(page.url()).toMatch(/^sitroom:\/\/console\//);
  expect(await page.evaluate(() => Object.keys(window.sitroom ?? {}).sort())).toEqual([
    'hubInfo',
    'playDemo',
    'subscribe',
  ]);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('the bridge reaches the embedded hub, which stops with the app', async () => {
  const info = await consoleApp.page.evaluate(() => window.sitroom?.hubInfo());
  expect(info?.openMode).toBe(true);
  expect(info?.consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const healthz = new URL('/healthz', info?.consoleUrl).href;
  expect((await fetch(healthz)).status).toBe(200);
  await consoleApp.close();
  await expect(fetch(healthz)).rejects.toThrow();
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
