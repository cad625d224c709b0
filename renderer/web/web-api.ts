import type { SitroomApi } from '../../shared/api';
import { Replica, type ReplicaStorage } from '../../shared/replica';
import { createSocketTransport } from '../../shared/socket-transport';
import { persistentClientId } from './client-id';
import { fetchHubInfo, requestDemo } from './hub-http';

// The browser's SitroomApi: the same replica the Electron main process runs, here in the page,
// talking socket.io to the hub that served it.

export interface WebApiOptions {
  readonly hubUrl: string;
  /** Where the replica caches the board between visits. None yet: IndexedDB storage plugs in here. */
  readonly storage?: ReplicaStorage;
  readonly clientId?: string;
}

/** Starts an in-page replica and exposes it as the SitroomApi. */
export function createWebApi(options: WebApiOptions): SitroomApi {
  const replica = new Replica({
    clientId: options.clientId ?? persistentClientId(),
    transport: createSocketTransport({ hubUrl: options.hubUrl }),
    ...(options.storage ? { storage: options.storage } : {}),
    log: (message) => console.warn(`[sitroom replica] ${message}`),
  });
  replica.start().catch((error: unknown) => console.error('[sitroom replica] could not start', error));

  return {
    subscribe: (listener) => replica.subscribe(listener),
    hubInfo: () => fetchHubInfo(options.hubUrl),
    playDemo: () => requestDemo(options.hubUrl),
  };
}
