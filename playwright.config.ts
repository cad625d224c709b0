import { defineConfig } from '@playwright/test';

// The renderer is tested in Debian's Chromium against the web build served by a real hub
// (`vite build` must have run: npm test does it first). Each test starts its own hub with its
// own data directory, so tests cannot see each other's incidents. The Electron smoke tests are a
// separate project: they need an Electron binary and skip with a reason where there is none.

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  globalSetup: './test/e2e/global-setup.ts',
  workers: 2,
  retries: 0,
  reporter: 'list',
  // A hang guard, not a speed check: the longest scenarios (a hub start, a dozen steps, a hub
  // killed and started again) take 30-50 s on a loaded 2-core machine, and one ran out at 60 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        viewport: { width: 1600, height: 900 },
        launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
});
