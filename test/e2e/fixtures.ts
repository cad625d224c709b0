import { rmSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { type RunningHub, startHub, tempDataDir } from '../support/hub';
import { BoardPage } from './pages/board-page';

// Every test gets its own real hub on a free port with a fresh data directory, and a board page
// pointed at it. What the hub printed is attached to a failing test.

/** How long a hub gets to shut down cleanly before the fixture kills it. */
const HUB_STOP_GRACE_MS = 10_000;

interface BoardFixtures {
  readonly hub: RunningHub;
  readonly board: BoardPage;
}

export const test = base.extend<BoardFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  hub: async ({}, provide, testInfo) => {
    const hub = await startHub({ dataDir: tempDataDir('sitroom-e2e-') });
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
    }
  },
  board: async ({ page, hub }, provide) => {
    await provide(new BoardPage(page, hub.url));
    // Close the console before its hub stops, so the hub never shuts down under a reconnecting page.
    await page.close();
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
