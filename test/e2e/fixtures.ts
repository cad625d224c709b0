import { rmSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { type RunningHub, startHub, tempDataDir } from '../support/hub';
import { type ConfigFiles, type ConsoleUser, writeConfigDir } from './helpers/config-dir';
import { BoardPage } from './pages/board-page';
import { IncidentPage } from './pages/incident-page';

// Every test gets its own real hub on a free port with a fresh data directory, and a board page
// pointed at it. What the hub printed is attached to a failing test.

/** How long a hub gets to shut down cleanly before the fixture kills it. */
const HUB_STOP_GRACE_MS = 10_000;

interface BoardFixtures {
  readonly hub: RunningHub;
  readonly board: BoardPage;
  readonly incident: IncidentPage;
}

interface HubOptions {
  /**
   * How this test's hub runs: `users` writes a --config-dir with users.yaml for them (none: open
   * local mode), `configFiles` adds files to that folder; `args`/`env` add to the command line,
   * e.g. ['--demo']. One object, because
   * Playwright reads an array option value as [value, fixture options].
   */
  readonly hubSetup: {
    readonly users?: ReadonlyArray<ConsoleUser>;
    /** More files for the config folder (services.yaml, runbooks/…). */
    readonly configFiles?: ConfigFiles;
    readonly args?: ReadonlyArray<string>;
    readonly env?: Readonly<Record<string, string>>;
  };
}

export const test = base.extend<BoardFixtures & HubOptions>({
  hubSetup: [{}, { option: true }],
  hub: async ({ hubSetup }, provide, testInfo) => {
    const configDir =
      hubSetup.users || hubSetup.configFiles ? writeConfigDir(hubSetup.users, hubSetup.configFiles) : null;
    const hub = await startHub({
      dataDir: tempDataDir('sitroom-e2e-'),
      args: [...(configDir === null ? [] : ['--config-dir', configDir]), ...(hubSetup.args ?? [])],
      env: hubSetup.env ?? {},
    });
    try {
      await provide(hub);
    } finally {
      const stopped = await stopWithin(hub, HUB_STOP_GRACE_MS);
      if (!stopped) {
        // A hung shutdown is the hub's bug, not this test's: record it loudly and move on.
        testInfo.annotations.push({
          type: 'hub-shutdown',
          description: `hub did not exit within ${HUB_STOP_GRACE_MS} ms of SIGTERM; killed`,
        });
        await hub.kill('SIGKILL');
      }
      if (!stopped || testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('hub output', { body: hub.output(), contentType: 'text/plain' });
      }
      rmSync(hub.dataDir, { recursive: true, force: true });
      if (configDir !== null) rmSync(configDir, { recursive: true, force: true });
    }
  },
  board: async ({ page, hub }, provide) => {
    await provide(new BoardPage(page, hub));
    // Close the console before its hub stops, so the hub never shuts down under a reconnecting page.
    await page.close();
  },
  incident: async ({ page }, provide) => {
    await provide(new IncidentPage(page));
  },
});

async function stopWithin(hub: RunningHub, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([hub.stop().then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export { expect } from '@playwright/test';
