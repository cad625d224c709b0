import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { registerIpcHandlers } from '../../../electron/ipc/register-handlers';
import { PageFeeds } from '../../../electron/replica/page-feeds';
import { APP_ENTRY_URL } from '../../../electron/security/app-origin';
import { FeedHost } from '../../../shared/feed/feed-host';
import type { BoardPatch } from '../../../shared/feed/patch';
import { IPC } from '../../../shared/ipc';
import { Replica } from '../../../shared/replica';
import { numbered, opened } from '../../support/fixtures';
import { flush, ScriptedLink } from '../../support/scripted-link';

// Main closes a page's feeds when the page goes away. A window's webContents outlives its
// documents, so "goes away" is a new document loaded in it, and only that: Electron fires
// did-start-navigation before will-navigate, where the navigation policy refuses what leaves the
// app (a link or a file dropped on the window). The events are fired here in Electron's order.

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

async function consoleWithPage() {
  const link = new ScriptedLink();
  link.answer = () => ({ kind: 'delta', hubId: 'hub-a', events: numbered([opened('INC-1')], 1) });
  const replica = new Replica({ clientId: 'c', transport: link });
  await replica.start();
  link.handlers?.onUp();
  await flush();
  const feeds = new PageFeeds(new FeedHost(replica, { windowMs: 0 }));
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
  registerIpcHandlers(ipcMain as never, { api: {} as never, feeds, log: () => {} });
  const page = Object.assign(new EventEmitter(), {
    id: 7,
    isDestroyed: () => false,
    batches: [] as Array<ReadonlyArray<BoardPatch>>,
    send(_channel: string, payload: { patches: ReadonlyArray<BoardPatch> }) {
      page.batches.push(structuredClone(payload.patches));
    },
  });
  const event = { sender: page, senderFrame: { url: APP_ENTRY_URL, parent: null } };
  await handlers.get(IPC.subscribe)?.(event, 1, { incidentId: null, user: null });
  await flush();
  return { link, feeds, page };
}

describe('a page’s feeds across navigations', () => {
  it('stay open when a navigation starts and the policy refuses it (a link dropped on the window)', async () => {
    const { link, feeds, page } = await consoleWithPage();
    page.emit('did-start-navigation', {
      isMainFrame: true,
      isSameDocument: false,
      url: 'https://example.org/',
    });
    // will-navigate: refused by the navigation policy; nothing further fires.
    page.batches.length = 0;
    link.handlers?.onEvents({ events: numbered([opened('INC-2')], 2) });
    await flush();
    expect(feeds.size).toBe(1);
    expect(page.batches.flat().some((patch) => patch.kind === 'rows')).toBe(true);
  });

  it('close when the page has loaded a new document (a reload)', async () => {
    const { feeds, page } = await consoleWithPage();
    page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: APP_ENTRY_URL });
    page.emit('did-navigate', {}, APP_ENTRY_URL, 200, 'OK');
    expect(feeds.size).toBe(0);
  });
});
