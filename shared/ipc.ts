import type { ExportFormat, ExportResult, IncidentRecord, Person, ReplicaMessage } from './api';
import type { Command, CommandAnswer } from './commands';
import type { EscalationsResponse } from './escalation/escalations-view';
import type { Catalog } from './impact/catalog';
import type { StatisticsQuery, StatisticsReport } from './metrics/report';
import type { HubInfo, Session } from './protocol';

// The one contract between the Electron main process and the preload bridge. Channel names live
// here and nowhere else; the typed wrappers on both sides take their signatures from these maps.
// Main validates every argument before a handler sees it, with the schemas in
// electron/ipc/ipc-args-schemas.ts. They are not here on purpose: the preload imports this file,
// and any value import of zod schemas (commandSchema's module builds them at load time, which no
// bundler may drop) would pull all of zod into the sandboxed preload. This file is types and
// channel names only.

/** Every IPC channel Sitroom uses. */
export const IPC = {
  hubInfo: 'sitroom:hub-info',
  playDemo: 'sitroom:play-demo',
  /** Starts (or restarts) the replica feed for the calling page: a board, then live messages. */
  subscribe: 'sitroom:subscribe',
  /** Stops the feed for the calling page once it has no listener left. */
  unsubscribe: 'sitroom:unsubscribe',
  session: 'sitroom:session',
  signIn: 'sitroom:sign-in',
  signOut: 'sitroom:sign-out',
  people: 'sitroom:people',
  incidentRecord: 'sitroom:incident-record',
  sendCommand: 'sitroom:send-command',
  exportTimeline: 'sitroom:export-timeline',
  escalations: 'sitroom:escalations',
  catalog: 'sitroom:catalog',
  statistics: 'sitroom:statistics',
  /** A desktop notification, shown by main (the page has no web notification permission). */
  notify: 'sitroom:notify',
  /** main → renderer: replica messages, batched per frame so an alert storm costs few IPC hops. */
  replica: 'sitroom:replica',
} as const;

/** Renderer → main calls (`ipcRenderer.invoke` / `ipcMain.handle`), as the function each one is. */
export interface IpcInvokeContract {
  [IPC.hubInfo]: () => HubInfo;
  [IPC.playDemo]: () => void;
  [IPC.subscribe]: () => void;
  [IPC.unsubscribe]: () => void;
  [IPC.session]: () => Session | null;
  [IPC.signIn]: (token: string) => Session;
  [IPC.signOut]: () => void;
  [IPC.people]: () => ReadonlyArray<Person>;
  [IPC.incidentRecord]: (incidentId: string) => IncidentRecord;
  [IPC.sendCommand]: (command: Command) => CommandAnswer;
  [IPC.exportTimeline]: (incidentId: string, format: ExportFormat, timeZone: string) => ExportResult;
  [IPC.escalations]: () => EscalationsResponse;
  [IPC.catalog]: () => Catalog;
  [IPC.statistics]: (query: StatisticsQuery) => StatisticsReport;
  [IPC.notify]: (title: string, body: string) => void;
}

export type IpcInvokeChannel = keyof IpcInvokeContract;
export type IpcArgs<C extends IpcInvokeChannel> = Parameters<IpcInvokeContract[C]>;
export type IpcResult<C extends IpcInvokeChannel> = ReturnType<IpcInvokeContract[C]>;

/**
 * What actually crosses the wire for an invoke. Electron wraps a rejected handler's message in
 * "Error invoking remote method …", which is no sentence to show an operator; main answers with
 * this instead and the preload turns a failure back into a plain Error with main's message.
 */
export type IpcReply<T> =
  | { readonly ok: true; readonly value: T }
  /** `status`: the hub's HTTP status when the hub refused, so the page can tell 401 from 404. */
  | { readonly ok: false; readonly message: string; readonly status?: number };

/** Main → renderer pushes (`webContents.send` / `ipcRenderer.on`): their payload. */
export interface IpcPushContract {
  [IPC.replica]: ReadonlyArray<ReplicaMessage>;
}

export type IpcPushChannel = keyof IpcPushContract;
export type IpcPayload<C extends IpcPushChannel> = IpcPushContract[C];
