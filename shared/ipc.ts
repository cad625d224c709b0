import type { ExportFormat, ExportResult, IncidentRecord, Person } from './api';
import type { Change } from './changes/change';
import type { Command, CommandAnswer } from './commands';
import type { EscalationsResponse } from './escalation/escalations-view';
import type { BoardPatch } from './feed/patch';
import type { FeedView } from './feed/projection';
import type { Catalog } from './impact/catalog';
import type { StatisticsQuery, StatisticsReport } from './metrics/report';
import type { HubInfo, Session } from './protocol';
import type { IncidentSilences } from './silences/silence-view';

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
  /** Opens one of the calling page's feeds (by the page's feed id): the whole picture, then patches. */
  subscribe: 'sitroom:subscribe',
  /** The page of a feed now shows another incident, or another person signed in. */
  feedView: 'sitroom:feed-view',
  /** Closes one of the calling page's feeds. */
  unsubscribe: 'sitroom:unsubscribe',
  session: 'sitroom:session',
  signIn: 'sitroom:sign-in',
  signOut: 'sitroom:sign-out',
  people: 'sitroom:people',
  incidentRecord: 'sitroom:incident-record',
  incidentSilences: 'sitroom:incident-silences',
  sendCommand: 'sitroom:send-command',
  dismissRejected: 'sitroom:dismiss-rejected',
  exportTimeline: 'sitroom:export-timeline',
  escalations: 'sitroom:escalations',
  catalog: 'sitroom:catalog',
  serviceChanges: 'sitroom:service-changes',
  statistics: 'sitroom:statistics',
  /** A desktop notification, shown by main (the page has no web notification permission). */
  notify: 'sitroom:notify',
  /** main → renderer: a batch of patches for one of the page's feeds (shared/feed/patch.ts). */
  replica: 'sitroom:replica',
} as const;

/** Renderer → main calls (`ipcRenderer.invoke` / `ipcMain.handle`), as the function each one is. */
export interface IpcInvokeContract {
  [IPC.hubInfo]: () => HubInfo;
  [IPC.playDemo]: () => void;
  [IPC.subscribe]: (feedId: number, view: FeedView) => void;
  [IPC.feedView]: (feedId: number, view: FeedView) => void;
  [IPC.unsubscribe]: (feedId: number) => void;
  [IPC.session]: () => Session | null;
  [IPC.signIn]: (token: string) => Session;
  [IPC.signOut]: () => void;
  [IPC.people]: () => ReadonlyArray<Person>;
  [IPC.incidentRecord]: (incidentId: string) => IncidentRecord;
  [IPC.incidentSilences]: (incidentId: string) => IncidentSilences;
  [IPC.sendCommand]: (command: Command) => CommandAnswer;
  [IPC.dismissRejected]: (commandId: string) => void;
  [IPC.exportTimeline]: (incidentId: string, format: ExportFormat, timeZone: string) => ExportResult;
  [IPC.escalations]: () => EscalationsResponse;
  [IPC.catalog]: () => Catalog;
  [IPC.serviceChanges]: (serviceId: string) => ReadonlyArray<Change>;
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
  [IPC.replica]: { readonly feedId: number; readonly patches: ReadonlyArray<BoardPatch> };
}

export type IpcPushChannel = keyof IpcPushContract;
export type IpcPayload<C extends IpcPushChannel> = IpcPushContract[C];
