import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { IpcArgs, IpcInvokeChannel, IpcPayload, IpcPushChannel, IpcResult } from '../../shared/ipc';
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
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    const invocation = validateInvocation(channel, event.senderFrame, args);
    if (!invocation.ok) {
      log(invocation.reason);
      // Deliberately vague towards the page: the details are in the main-process log.
      throw new Error(`${channel} refused`);
    }
    return handler(event, ...invocation.args);
  });
}

/** Sends a push message to a page, unless the page is already gone. */
export function sendToPage<C extends IpcPushChannel>(
  contents: WebContents,
  channel: C,
  payload: IpcPayload<C>,
): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
