import type { SitroomApi } from '../shared/api';
import { registerServiceWorker } from './web/register-service-worker';
import { createWebApi } from './web/web-api';

// The renderer runs in two hosts and talks to both through SitroomApi. Electron's preload puts
// the bridge on window.sitroom (the replica runs in the main process); a plain browser gets a
// client of the console's worker, whose replica talks to the hub that served the page.

declare global {
  interface Window {
    readonly sitroom?: SitroomApi;
  }
}

/** The host's SitroomApi: Electron's bridge when present, else the in-page web host. */
export function selectHost(): SitroomApi {
  if (window.sitroom) return window.sitroom;
  // A browser console keeps its app shell for offline starts; Electron loads from its own files.
  registerServiceWorker((message) => console.info(`[sitroom] ${message}`));
  return createWebApi({ hubUrl: window.location.origin });
}
