import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { createConsoleCore } from '../../electron/app/console-core';
import { type TokenCipher, TokenVault } from '../../electron/auth/token-vault';
import { registerIpcHandlers } from '../../electron/ipc/register-handlers';
import { createBridge } from '../../electron/preload-bridge';
import { APP_ENTRY_URL } from '../../electron/security/app-origin';
import { boardFileAt } from '../../electron/store/board-file';
import type { KeyValueStore } from '../../electron/store/key-value-store';
import { connectWorkerClient } from '../../renderer/web/worker/worker-client';
import { createWorkerHost } from '../../renderer/web/worker/worker-host';
import type { SitroomApi } from '../../shared/api';

// The two hosts a console runs on, in Node, each behind the very code that serves its page:
// the desktop's main process (console-core, the IPC handlers and the preload bridge, over an
// in-process stand-in for Electron's IPC that clones every message as Electron does), and the
// browser's console worker (worker-host and worker-client over a real MessageChannel). Tests
// run the same checks against both.

/** What a page of either host uses of its SitroomApi. */
export type HostedApi = Pick<SitroomApi, 'subscribe' | 'sendCommand' | 'dismissRejected'>;

export interface HostUnderTest {
  /** Opens a page on this console (a window, a tab). */
  page(): HostedApi;
  stop(): void;
}

/** A reversible stand-in for the OS keychain. */
const cipher: TokenCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(plain).reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString(),
};

function memoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return {
    get: (k) => map.get(k),
    set: (k, v) => map.set(k, structuredClone(v)),
    delete: (k) => map.delete(k),
  };
}

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** The desktop app: main's services and IPC handlers, and a preload bridge per page. */
export function desktopHost(hubUrl: string, openKey: string | null): HostUnderTest {
  const settings = memoryStore();
  const core = createConsoleCore({
    hubUrl,
    vault: new TokenVault({ store: settings, cipher, hub: new URL(hubUrl).origin, log: () => {} }),
    token: () => openKey,
    clientId: ulid(),
    stores: {
      store: memoryStore(),
      board: boardFileAt(join(mkdtempSync(join(tmpdir(), 'sitroom-board-')), 'board.json')),
    },
    exports: {
      chooseFile: async () => null,
      printToPdf: async () => new Uint8Array(),
      writeFile: async () => {},
      documentsDir: '/nowhere',
    },
    notify: () => {},
    log: () => {},
    saveDelayMs: 20,
  });
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) };
  registerIpcHandlers(ipcMain as never, { api: core.api, feeds: core.feeds, log: () => {} });
  void core.replica.start();
  let nextPage = 1;
  const pages: Array<() => void> = [];
  return {
    page() {
      const listeners = new Map<string, Array<(event: unknown, payload: unknown) => void>>();
      const lifecycle = new Map<string, Array<() => void>>();
      let destroyed = false;
      const contents = {
        id: nextPage++,
        isDestroyed: () => destroyed,
        // Electron clones what crosses IPC and delivers it on a later task.
        send: (channel: string, payload: unknown) => {
          const copy = structuredClone(payload);
          setImmediate(() => {
            for (const listener of listeners.get(channel) ?? []) listener({}, copy);
          });
        },
        on: (name: string, fn: () => void) => lifecycle.set(name, [...(lifecycle.get(name) ?? []), fn]),
        once: (name: string, fn: () => void) => lifecycle.set(name, [...(lifecycle.get(name) ?? []), fn]),
      };
      pages.push(() => {
        destroyed = true;
        for (const fn of lifecycle.get('destroyed') ?? []) fn();
      });
      const ipcRenderer = {
        invoke: async (channel: string, ...args: unknown[]) => {
          const handler = handlers.get(channel);
          if (!handler) throw new Error(`no handler for ${channel}`);
          const event = { sender: contents, senderFrame: { url: APP_ENTRY_URL, parent: null } };
          return structuredClone(await handler(event, ...structuredClone(args)));
        },
        on: (channel: string, listener: (event: unknown, payload: never) => void) => {
          listeners.set(channel, [
            ...(listeners.get(channel) ?? []),
            listener as (event: unknown, payload: unknown) => void,
          ]);
        },
      };
      return createBridge(ipcRenderer);
    },
    stop() {
      for (const destroy of pages.splice(0)) destroy();
      core.stop();
    },
  };
}

/** The browser console: its worker's host, with each tab a client over its own MessageChannel. */
export function workerHost(hubUrl: string, openKey: string | null): HostUnderTest {
  const host = createWorkerHost({ log: () => {}, saveDelayMs: 20 });
  const clientId = ulid();
  const ports: MessagePort[] = [];
  return {
    page() {
      const channel = new MessageChannel();
      ports.push(channel.port1, channel.port2);
      host.connect(channel.port1);
      return connectWorkerClient(channel.port2, { hubUrl, clientId, token: openKey });
    },
    stop() {
      host.stop();
      for (const port of ports.splice(0)) port.close();
    },
  };
}

export const HOSTS = [
  { name: 'the desktop (main process, over IPC)', start: desktopHost },
  { name: 'a browser (the console worker, over postMessage)', start: workerHost },
] as const;
