import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';

// A SharedWorker is never told that a tab died: a MessagePort has no close event, and a tab that
// crashes or is killed sends no goodbye. Each tab holds a Web Lock while it lives; the worker,
// granted it, drops that tab's feeds, which would otherwise cost it work on every patch forever.

interface WorkerDiagnostics {
  readonly pages: number;
  readonly feeds: number;
}

const diagnostics = (page: Page): Promise<WorkerDiagnostics> =>
  page.evaluate(() =>
    (
      globalThis as unknown as { sitroomWorkerDiagnostics: () => Promise<WorkerDiagnostics> }
    ).sitroomWorkerDiagnostics(),
  );

test("a tab that dies without a goodbye has its feeds dropped by the console's SharedWorker", async ({
  page,
  context,
  board,
  hub,
}) => {
  await board.open();
  await board.waitUntilLive();
  const alone = await diagnostics(page);
  expect(alone.pages).toBe(1);
  expect(alone.feeds).toBeGreaterThan(0);

  const other = await context.newPage();
  // This tab will die without saying goodbye, as a killed or crashed one does: its page-hide
  // handler (which tells the worker) never runs. (Crashing it for real, with CDP's Page.crash or
  // chrome://crash, takes down the renderer process it shares with the first tab and the worker.)
  await other.addInitScript(() => {
    addEventListener('pagehide', (event) => event.stopImmediatePropagation(), { capture: true });
  });
  const otherBoard = new BoardPage(other, hub);
  await otherBoard.open();
  await otherBoard.waitUntilLive();
  await expect.poll(() => diagnostics(page)).toEqual({ pages: 2, feeds: alone.feeds * 2 });

  await other.close({ runBeforeUnload: false });
  await expect.poll(() => diagnostics(page), { timeout: 10_000 }).toEqual(alone);
  // The surviving tab is still served.
  await expect(board.connectionStatus).toBeVisible();
});
