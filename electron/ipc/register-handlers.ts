import type { IpcMain, WebContents } from 'electron';
import { IPC } from '../../shared/ipc';
import type { HubClient } from '../hub/hub-client';
import type { ReplicaFeeds } from '../replica/replica-feeds';
import { handle, sendToPage } from './typed-ipc-main';

export interface BridgeServices {
  readonly hub: HubClient;
  readonly feeds: ReplicaFeeds;
  readonly log: (message: string) => void;
}

/** Wires every invoke channel of the contract to the main-process services behind it. */
export function registerIpcHandlers(ipcMain: IpcMain, services: BridgeServices): void {
  const { hub, feeds, log } = services;
  const tracked = new Set<number>();

  handle(ipcMain, IPC.hubInfo, () => hub.hubInfo(), log);
  handle(ipcMain, IPC.playDemo, () => hub.playDemo(), log);
  handle(
    ipcMain,
    IPC.subscribe,
    (event) => {
      const page = event.sender;
      if (!tracked.has(page.id)) {
        tracked.add(page.id);
        closeFeedWithPage(page, feeds, () => tracked.delete(page.id));
      }
      feeds.open(page.id, (batch) => sendToPage(page, IPC.replica, batch));
    },
    log,
  );
  handle(ipcMain, IPC.unsubscribe, (event) => feeds.close(event.sender.id), log);
}

/** A page that is destroyed or navigates to a new document no longer wants its feed. */
function closeFeedWithPage(page: WebContents, feeds: ReplicaFeeds, untrack: () => void): void {
  const id = page.id;
  page.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) feeds.close(id);
  });
  page.once('destroyed', () => {
    feeds.close(id);
    untrack();
  });
}
