import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { ReplicaMessage, SitroomApi } from '../shared/api';
import {
  IPC,
  type IpcArgs,
  type IpcInvokeChannel,
  type IpcPayload,
  type IpcReply,
  type IpcResult,
} from '../shared/ipc';

// The renderer's only door to the host: one object, window.sitroom, typed by SitroomApi and
// checked by `satisfies`. It exposes functions, never ipcRenderer itself, so a compromised page
// can reach exactly the channels of the contract and nothing else. Arguments are checked in
// main, not here: this bundle stays tiny and free of zod.

async function invoke<C extends IpcInvokeChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  const reply: IpcReply<IpcResult<C>> = await ipcRenderer.invoke(channel, ...args);
  if (reply.ok) return reply.value;
  // A plain Error carrying main's sentence, so the view can show error.message as it is, and the
  // hub's status when it refused, as HubRequestError has it in a browser.
  throw Object.assign(new Error(reply.message), reply.status === undefined ? {} : { status: reply.status });
}

const listeners = new Set<(message: ReplicaMessage) => void>();

function deliver(_event: IpcRendererEvent, batch: IpcPayload<typeof IPC.replica>): void {
  for (const message of batch) {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        // One broken view must not starve the others of updates.
        console.error('sitroom: a replica listener threw', error);
      }
    }
  }
}

function reportFailure(channel: IpcInvokeChannel): (error: unknown) => void {
  return (error) => console.error(`sitroom: ${channel} failed`, error);
}

const sitroom = {
  subscribe(listener: (message: ReplicaMessage) => void) {
    listeners.add(listener);
    if (listeners.size === 1) ipcRenderer.on(IPC.replica, deliver);
    // Each subscribe asks main for a fresh board, so a late listener starts from the full picture.
    invoke(IPC.subscribe).catch(reportFailure(IPC.subscribe));
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      ipcRenderer.removeListener(IPC.replica, deliver);
      invoke(IPC.unsubscribe).catch(reportFailure(IPC.unsubscribe));
    };
  },
  hubInfo: () => invoke(IPC.hubInfo),
  playDemo: () => invoke(IPC.playDemo),
  session: () => invoke(IPC.session),
  signIn: (token) => invoke(IPC.signIn, token),
  signOut: () => invoke(IPC.signOut),
  people: () => invoke(IPC.people),
  incidentRecord: (incidentId) => invoke(IPC.incidentRecord, incidentId),
  sendCommand: (command) => invoke(IPC.sendCommand, command),
  exportTimeline: (incidentId, format, timeZone) => invoke(IPC.exportTimeline, incidentId, format, timeZone),
  escalations: () => invoke(IPC.escalations),
  catalog: () => invoke(IPC.catalog),
  statistics: (query) => invoke(IPC.statistics, query),
  notify: (title, body) => invoke(IPC.notify, title, body),
} satisfies SitroomApi;

contextBridge.exposeInMainWorld('sitroom', sitroom);
