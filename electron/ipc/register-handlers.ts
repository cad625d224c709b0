import type { IpcMain, WebContents } from 'electron';
import { IPC } from '../../shared/ipc';
import type { HostApi } from '../app/host-api';
import type { PageFeeds } from '../replica/page-feeds';
import { handle, sendToPage } from './typed-ipc-main';

export interface BridgeServices {
  readonly api: HostApi;
  readonly feeds: PageFeeds;
  readonly log: (message: string) => void;
}

/** Wires every invoke channel of the contract to the main-process services behind it. */
export function registerIpcHandlers(ipcMain: IpcMain, services: BridgeServices): void {
  const { api, feeds, log } = services;
  const tracked = new Set<number>();

  handle(ipcMain, IPC.hubInfo, () => api.hubInfo(), log);
  handle(ipcMain, IPC.playDemo, () => api.playDemo(), log);
  handle(ipcMain, IPC.session, () => api.session(), log);
  handle(ipcMain, IPC.signIn, (_event, token) => api.signIn(token), log);
  handle(ipcMain, IPC.signOut, () => api.signOut(), log);
  handle(ipcMain, IPC.people, () => api.people(), log);
  handle(ipcMain, IPC.incidentRecord, (_event, incidentId) => api.incidentRecord(incidentId), log);
  handle(ipcMain, IPC.incidentSilences, (_event, incidentId) => api.incidentSilences(incidentId), log);
  handle(ipcMain, IPC.sendCommand, (_event, command) => api.sendCommand(command), log);
  handle(ipcMain, IPC.dismissRejected, (_event, commandId) => api.dismissRejected(commandId), log);
  handle(
    ipcMain,
    IPC.exportTimeline,
    (_event, incidentId, format, timeZone) => api.exportTimeline(incidentId, format, timeZone),
    log,
  );
  handle(ipcMain, IPC.escalations, () => api.escalations(), log);
  handle(ipcMain, IPC.catalog, () => api.catalog(), log);
  handle(ipcMain, IPC.serviceChanges, (_event, serviceId) => api.serviceChanges(serviceId), log);
  handle(ipcMain, IPC.statistics, (_event, query) => api.statistics(query), log);
  handle(ipcMain, IPC.notify, (_event, title, body) => api.notify(title, body), log);
  handle(
    ipcMain,
    IPC.subscribe,
    (event, feedId, view) => {
      const page = event.sender;
      if (!tracked.has(page.id)) {
        tracked.add(page.id);
        closeFeedsWithPage(page, feeds, () => tracked.delete(page.id));
      }
      feeds.open(page.id, feedId, view, (id, patches) =>
        sendToPage(page, IPC.replica, { feedId: id, patches }),
      );
    },
    log,
  );
  handle(ipcMain, IPC.feedView, (event, feedId, view) => feeds.setView(event.sender.id, feedId, view), log);
  handle(ipcMain, IPC.unsubscribe, (event, feedId) => feeds.close(event.sender.id, feedId), log);
}

/**
 * A page that is destroyed or has loaded a new document no longer wants its feeds. Loaded, not
 * started: did-start-navigation fires before will-navigate, so a navigation the policy refuses
 * (a link or file dropped on the window) would close the feeds of a page that stays, and its
 * board would freeze still saying "live". did-navigate fires only for the main frame's new
 * document, never for an in-page one.
 */
function closeFeedsWithPage(page: WebContents, feeds: PageFeeds, untrack: () => void): void {
  const id = page.id;
  page.on('did-navigate', () => feeds.closePage(id));
  page.once('destroyed', () => {
    feeds.closePage(id);
    untrack();
  });
}
