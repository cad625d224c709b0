import type { IpcArgs, IpcInvokeChannel } from '../../shared/ipc';
import { isTrustedSender, type SenderFrame } from '../security/sender-policy';
import { safeParseIpcArgs } from './ipc-args-schemas';

export type Invocation<C extends IpcInvokeChannel> =
  | { readonly ok: true; readonly args: IpcArgs<C> }
  | { readonly ok: false; readonly reason: string };

/** Checks who sent an IPC call and what it carries, before any handler runs. */
export function validateInvocation<C extends IpcInvokeChannel>(
  channel: C,
  frame: SenderFrame | null | undefined,
  args: ReadonlyArray<unknown>,
): Invocation<C> {
  if (!isTrustedSender(frame)) {
    const who = frame ? JSON.stringify(frame.url) : 'a frame that is gone';
    return { ok: false, reason: `${channel}: refused a call from ${who}` };
  }
  const parsed = safeParseIpcArgs(channel, args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: `${channel}: invalid arguments${where}: ${issue?.message ?? 'rejected'}` };
  }
  return { ok: true, args: parsed.data };
}
