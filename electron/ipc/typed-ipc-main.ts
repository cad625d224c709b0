import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { HubRequestError } from '../../shared/hub-client';
import type {
  IpcArgs,
  IpcInvokeChannel,
  IpcPayload,
  IpcPushChannel,
  IpcReply,
  IpcResult,
} from '../../shared/ipc';
import { describeError, messageForPage } from '../errors/user-facing-error';
import { validateInvocation } from './validate-invocation';

// The only places main touches ipcMain.handle and webContents.send: signatures come from the
// contract in shared/ipc.ts, and no handler runs before its sender and arguments are checked.

/** Registers a handler for an invoke channel behind the sender check and the argument schema. */
export function handle<C extends IpcInvokeChannel>(
  ipcMain: IpcMain,
  channel: C,
  handler: (event: IpcMainInvokeEvent, ...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C>,
  log: (message: string) => void,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) =>
    answer(channel, log, () => {
      const invocation = validateInvocation(channel, event.senderFrame, args);
      if (!invocation.ok) throw new RefusedInvocation(invocation.reason);
      return handler(event, ...invocation.args);
    }),
  );
}

/** Runs a handler and turns its outcome into the reply the preload unwraps (shared/ipc.ts). */
async function answer<T>(
  channel: IpcInvokeChannel,
  log: (message: string) => void,
  run: () => Promise<T> | T,
): Promise<IpcReply<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof RefusedInvocation) {
      log(error.message);
      // Deliberately vague towards the page: the details are in the main-process log.
      return { ok: false, message: `${channel} refused` };
    }
    log(`${channel} failed: ${describeError(error)}`);
    const status = error instanceof HubRequestError ? error.status : undefined;
    return { ok: false, message: messageForPage(error), ...(status === undefined ? {} : { status }) };
  }
}

/** A call refused before its handler ran (wrong sender or arguments); the reason is for the log. */
class RefusedInvocation extends Error {}

/** Sends a push message to a page, unless the page is already gone. */
export function sendToPage<C extends IpcPushChannel>(
  contents: WebContents,
  channel: C,
  payload: IpcPayload<C>,
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
