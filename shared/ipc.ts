import { z } from 'zod';
import type { ReplicaMessage } from './api';
import type { HubInfo } from './protocol';

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
  /** main → renderer: replica messages, batched per frame so an alert storm costs few IPC hops. */
  replica: 'sitroom:replica',
} as const;

/** Renderer → main calls (`ipcRenderer.invoke` / `ipcMain.handle`), as the function each one is. */
export interface IpcInvokeContract {
  [IPC.hubInfo]: () => HubInfo;
  [IPC.playDemo]: () => void;
  [IPC.subscribe]: () => void;
  [IPC.unsubscribe]: () => void;
}

export type IpcInvokeChannel = keyof IpcInvokeContract;
export type IpcArgs<C extends IpcInvokeChannel> = Parameters<IpcInvokeContract[C]>;
export type IpcResult<C extends IpcInvokeChannel> = ReturnType<IpcInvokeContract[C]>;

/** Main → renderer pushes (`webContents.send` / `ipcRenderer.on`): their payload. */
export interface IpcPushContract {
  [IPC.replica]: ReadonlyArray<ReplicaMessage>;
}

export type IpcPushChannel = keyof IpcPushContract;
export type IpcPayload<C extends IpcPushChannel> = IpcPushContract[C];

/**
 * The argument list each invoke channel accepts. Today every call takes none; an empty tuple still
 * rejects a compromised page that sends extra arguments, and a new argument is added here first.
 */
type IpcArgsSchemas = { readonly [C in IpcInvokeChannel]: z.ZodType<IpcArgs<C>> };

function argsSchemas(): IpcArgsSchemas {
  return {
    [IPC.hubInfo]: z.tuple([]),
    [IPC.playDemo]: z.tuple([]),
    [IPC.subscribe]: z.tuple([]),
    [IPC.unsubscribe]: z.tuple([]),
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
