import { z } from 'zod';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportResult,
  type IncidentRecord,
  type Person,
  type ReplicaMessage,
} from './api';
import { type Command, type CommandAnswer, commandSchema } from './commands';
import type { HubInfo, Session } from './protocol';

// The one contract between the Electron main process and the preload bridge. Channel names live
// here and nowhere else; the typed wrappers on both sides take their signatures from these maps,
// and main validates every argument with the schemas below before a handler sees it.

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
  | { readonly ok: false; readonly message: string };

/** Main → renderer pushes (`webContents.send` / `ipcRenderer.on`): their payload. */
export interface IpcPushContract {
  [IPC.replica]: ReadonlyArray<ReplicaMessage>;
}

export type IpcPushChannel = keyof IpcPushContract;
export type IpcPayload<C extends IpcPushChannel> = IpcPushContract[C];

/** Tokens are opaque to the console; the bound only stops a page from shipping megabytes. */
const tokenSchema = z.string().min(1).max(4096);
const incidentIdSchema = z.string().min(1).max(100);
/**
 * An IANA zone the runtime knows. Newer Intl also takes offsets such as "+01:00", which the hub
 * refuses (shared/export/time-format.ts), so a name must start with a letter as well.
 */
const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'must be an IANA time zone such as UTC or Europe/Berlin');

function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The argument list each invoke channel accepts. Tuples are exact, so a compromised page that
 * sends extra arguments is refused too; a new argument is added here first.
 */
type IpcArgsSchemas = { readonly [C in IpcInvokeChannel]: z.ZodType<IpcArgs<C>> };

function argsSchemas(): IpcArgsSchemas {
  return {
    [IPC.hubInfo]: z.tuple([]),
    [IPC.playDemo]: z.tuple([]),
    [IPC.subscribe]: z.tuple([]),
    [IPC.unsubscribe]: z.tuple([]),
    [IPC.session]: z.tuple([]),
    [IPC.signIn]: z.tuple([tokenSchema]),
    [IPC.signOut]: z.tuple([]),
    [IPC.people]: z.tuple([]),
    [IPC.incidentRecord]: z.tuple([incidentIdSchema]),
    [IPC.sendCommand]: z.tuple([commandSchema]),
    [IPC.exportTimeline]: z.tuple([incidentIdSchema, z.enum(EXPORT_FORMATS), timeZoneSchema]),
  };
}

// Built by a call marked pure so bundles that only need channel names (the sandboxed preload)
// drop the schemas, and with them zod: validation happens in main.
export const ipcArgsSchemas = /* @__PURE__ */ argsSchemas();

/** Checks an argument list that arrived over IPC against its channel's schema. */
export function safeParseIpcArgs<C extends IpcInvokeChannel>(
  channel: C,
  args: ReadonlyArray<unknown>,
): z.ZodSafeParseResult<IpcArgs<C>> {
  const schema: z.ZodType<IpcArgs<C>> = ipcArgsSchemas[channel];
  return schema.safeParse(args);
}

/** True when `name` is one of the contract's invoke channels (for code that receives a raw name). */
export function isIpcInvokeChannel(name: string): name is IpcInvokeChannel {
  return Object.hasOwn(ipcArgsSchemas, name);
}
