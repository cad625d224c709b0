import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  describeError,
  HUB_UNREACHABLE,
  messageForPage,
  UNEXPECTED_FAILURE,
  UserFacingError,
} from '../../../electron/errors/user-facing-error';
import { handle } from '../../../electron/ipc/typed-ipc-main';
import { APP_ENTRY_URL } from '../../../electron/security/app-origin';
import { HubRequestError } from '../../../shared/hub-client';
import { IPC, type IpcReply } from '../../../shared/ipc';
import type { Session } from '../../../shared/protocol';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const dana: Session = { user: { id: 'dana', name: 'Dana Reyes', role: 'commander' }, openMode: false };

/** Registers the sign-in handler on a stand-in ipcMain and returns a way to invoke it from a frame. */
function register(run: (token: string) => Promise<Session>) {
  const logs: string[] = [];
  let listener: Listener | null = null;
  const ipcMain = { handle: (_channel: string, registered: Listener) => (listener = registered) };
  const handler = vi.fn((_event: IpcMainInvokeEvent, token: string) => run(token));
  handle(ipcMain as unknown as IpcMain, IPC.signIn, handler, (message) => logs.push(message));
  const invoke = (url: string, ...args: unknown[]): Promise<IpcReply<unknown>> => {
    const event = { senderFrame: { url, parent: null } } as unknown as IpcMainInvokeEvent;
    if (!listener) throw new Error('nothing registered');
    return listener(event, ...args) as Promise<IpcReply<unknown>>;
  };
  return { invoke, handler, logs };
}

describe('an IPC reply', () => {
  it('carries the handler’s value', async () => {
    const { invoke, handler } = register(async () => dana);
    expect(await invoke(APP_ENTRY_URL, 'dana-token')).toEqual({ ok: true, value: dana });
    expect(handler).toHaveBeenCalledWith(expect.anything(), 'dana-token');
  });

  it('carries a message a person can read when the handler fails', async () => {
    const { invoke, logs } = register(() =>
      Promise.reject(new UserFacingError('The hub did not accept that token.')),
    );
    expect(await invoke(APP_ENTRY_URL, 'typo')).toEqual({
      ok: false,
      message: 'The hub did not accept that token.',
    });
    expect(logs).toEqual(['sitroom:sign-in failed: The hub did not accept that token.']);
  });

  it("carries the hub's status when the hub refused, so the page can tell sign-in from an old hub", async () => {
    const { invoke } = register(() =>
      Promise.reject(new HubRequestError(404, 'GET /api/v1/statistics: 404')),
    );
    expect(await invoke(APP_ENTRY_URL, 'typo')).toMatchObject({ ok: false, status: 404 });
  });

  it('is a vague refusal, with the reason only in the log, for a bad sender or arguments', async () => {
    const { invoke, handler, logs } = register(async () => dana);
    expect(await invoke('https://evil.example/', 'dana-token')).toEqual({
      ok: false,
      message: 'sitroom:sign-in refused',
    });
    expect(await invoke(APP_ENTRY_URL, '')).toEqual({ ok: false, message: 'sitroom:sign-in refused' });
    expect(handler).not.toHaveBeenCalled();
    expect(logs[0]).toContain('refused a call from "https://evil.example/"');
    expect(logs[1]).toContain('sitroom:sign-in: invalid arguments at 0');
  });

  it('never echoes the token into the log', async () => {
    const { invoke, logs } = register(() => Promise.reject(new Error('boom')));
    await invoke(APP_ENTRY_URL, 'secret-token-123');
    await invoke('https://evil.example/', 'secret-token-123');
    expect(logs.join('\n')).not.toContain('secret-token-123');
  });
});

describe('the message for the page', () => {
  it('passes on sentences written for people: ours and the hub’s', () => {
    expect(messageForPage(new UserFacingError('Not connected.'))).toBe('Not connected.');
    expect(messageForPage(new HubRequestError(404, 'There is no incident INC-9.'))).toBe(
      'There is no incident INC-9.',
    );
  });

  it('says the hub is unreachable for network failures and timeouts', () => {
    const refused = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:7420'),
    });
    expect(messageForPage(refused)).toBe(HUB_UNREACHABLE);
    expect(messageForPage(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(
      HUB_UNREACHABLE,
    );
    expect(describeError(refused)).toBe('fetch failed (connect ECONNREFUSED 127.0.0.1:7420)');
  });

  it('keeps anything else (paths, library jargon) in the log', () => {
    expect(messageForPage(new Error("EACCES: permission denied, open '/home/dana/x.pdf'"))).toBe(
      UNEXPECTED_FAILURE,
    );
    expect(messageForPage('a string')).toBe(UNEXPECTED_FAILURE);
  });
});
