import type { FeedSubscription, SitroomApi } from '../shared/api';
import type { BoardPatch } from '../shared/feed/patch';
import type { FeedView } from '../shared/feed/projection';
import {
  IPC,
  type IpcArgs,
  type IpcInvokeChannel,
  type IpcPayload,
  type IpcReply,
  type IpcResult,
} from '../shared/ipc';

// window.sitroom in the desktop app, built over the slice of ipcRenderer it needs, so Node tests
// can run it against main's very handlers. It exposes functions, never ipcRenderer itself, so a
// compromised page can reach exactly the channels of the contract and nothing else. Arguments
// are checked in main, not here: this bundle stays tiny and free of zod.

/** The part of Electron's ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(
    channel: typeof IPC.replica,
    listener: (event: unknown, payload: IpcPayload<typeof IPC.replica>) => void,
  ): unknown;
}

export function createBridge(ipc: BridgeIpc): SitroomApi {
  async function invoke<C extends IpcInvokeChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
    const reply = (await ipc.invoke(channel, ...args)) as IpcReply<IpcResult<C>>;
    if (reply.ok) return reply.value;
    // A plain Error carrying main's sentence, so the view can show error.message as it is, and
    // the hub's status when it refused, as HubRequestError has it in a browser.
    throw Object.assign(new Error(reply.message), reply.status === undefined ? {} : { status: reply.status });
  }
  const report =
    (channel: IpcInvokeChannel) =>
    (error: unknown): void =>
      console.error(`sitroom: ${channel} failed`, error);

  // Each subscribe is its own feed in main, told apart by this page's feed id.
  const feeds = new Map<number, (batch: ReadonlyArray<BoardPatch>) => void>();
  let nextFeedId = 1;
  ipc.on(IPC.replica, (_event, payload) => {
    const listener = feeds.get(payload.feedId);
    if (!listener) return; // closed meanwhile: its last batch is no longer wanted
    try {
      listener(payload.patches);
    } catch (error) {
      // One broken view must not stop the next batch from arriving.
      console.error('sitroom: a feed listener threw', error);
    }
  });

  return {
    subscribe(listener, view): FeedSubscription {
      const feedId = nextFeedId++;
      feeds.set(feedId, listener);
      invoke(IPC.subscribe, feedId, view).catch(report(IPC.subscribe));
      return {
        setView: (next: FeedView) => {
          if (feeds.has(feedId)) invoke(IPC.feedView, feedId, next).catch(report(IPC.feedView));
        },
        close: () => {
          if (!feeds.delete(feedId)) return;
          invoke(IPC.unsubscribe, feedId).catch(report(IPC.unsubscribe));
        },
      };
    },
    hubInfo: () => invoke(IPC.hubInfo),
    playDemo: () => invoke(IPC.playDemo),
    session: () => invoke(IPC.session),
    signIn: (token) => invoke(IPC.signIn, token),
    signOut: () => invoke(IPC.signOut),
    people: () => invoke(IPC.people),
    incidentRecord: (incidentId) => invoke(IPC.incidentRecord, incidentId),
    incidentSilences: (incidentId) => invoke(IPC.incidentSilences, incidentId),
    sendCommand: (command) => invoke(IPC.sendCommand, command),
    dismissRejected: (commandId) => invoke(IPC.dismissRejected, commandId),
    exportTimeline: (incidentId, format, timeZone) =>
      invoke(IPC.exportTimeline, incidentId, format, timeZone),
    escalations: () => invoke(IPC.escalations),
    catalog: () => invoke(IPC.catalog),
    serviceChanges: (serviceId) => invoke(IPC.serviceChanges, serviceId),
    statistics: (query) => invoke(IPC.statistics, query),
    notify: (title, body) => invoke(IPC.notify, title, body),
  };
}
