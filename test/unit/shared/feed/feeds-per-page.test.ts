import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { registerIpcHandlers } from '../../../../electron/ipc/register-handlers';
import { PageFeeds } from '../../../../electron/replica/page-feeds';
import { APP_ENTRY_URL } from '../../../../electron/security/app-origin';
import { createWorkerHost } from '../../../../renderer/web/worker/worker-host';
import type { WorkerMessage } from '../../../../renderer/web/worker/worker-protocol';
import { FeedHost, MAX_FEEDS_PER_PAGE } from '../../../../shared/feed/feed-host';
import { IPC } from '../../../../shared/ipc';
import { Replica } from '../../../../shared/replica';
import { ScriptedLink } from '../../../support/scripted-link';

// Every feed keeps a picture of the board in the host that all pages share. A page that opens
// feeds without end must be refused by both hosts, not take them down.

const VIEW = { incidentId: null, user: null };

describe('feeds per page', () => {
  it('main refuses a page’s feed beyond the limit, and still lets it reopen one it has', async () => {
    const replica = new Replica({ clientId: 'c', transport: new ScriptedLink() });
    await replica.start();
    const feeds = new PageFeeds(new FeedHost(replica));
    type Handler = (event: unknown, ...args: unknown[]) => Promise<{ ok: boolean }>;
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
    registerIpcHandlers(ipcMain as never, { api: {} as never, feeds, log: () => {} });
    const page = Object.assign(new EventEmitter(), { id: 3, isDestroyed: () => false, send: () => {} });
    const subscribe = (feedId: number) =>
      handlers.get(IPC.subscribe)?.(
        { sender: page, senderFrame: { url: APP_ENTRY_URL, parent: null } },
        feedId,
        VIEW,
      );
    for (let feedId = 1; feedId <= MAX_FEEDS_PER_PAGE; feedId++)
      expect(await subscribe(feedId)).toMatchObject({ ok: true });
    expect(await subscribe(MAX_FEEDS_PER_PAGE + 1)).toMatchObject({ ok: false });
    expect(feeds.size).toBe(MAX_FEEDS_PER_PAGE);
    expect(await subscribe(1)).toMatchObject({ ok: true });
    replica.stop();
  });

  it('the console worker refuses a tab’s feed beyond the limit', async () => {
    const host = createWorkerHost({ log: () => {} });
    const channel = new MessageChannel();
    host.connect(channel.port1);
    const refused = new Promise<WorkerMessage>((resolve) => {
      channel.port2.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        if (event.data.kind === 'refused') resolve(event.data);
      });
    });
    channel.port2.start();
    channel.port2.postMessage({ kind: 'hello', hubUrl: 'http://127.0.0.1:9/', clientId: 'c', token: null });
    for (let feedId = 1; feedId <= MAX_FEEDS_PER_PAGE + 1; feedId++)
      channel.port2.postMessage({ kind: 'open', feedId, view: VIEW });
    expect(await refused).toMatchObject({ reason: expect.stringContaining('feedId') });
    host.stop();
    channel.port1.close();
    channel.port2.close();
  });
});
