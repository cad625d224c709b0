import { createIndexedDbStorage } from '../indexeddb-storage';
import { createWorkerHost } from './worker-host';

// The worker's entry point. As a SharedWorker every tab of the profile connects to this one
// host; as a dedicated worker (where SharedWorker is missing) its own scope is the one page.

const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;

const host = createWorkerHost({
  ...(locks ? { locks } : {}),
  storage: (hubUrl) =>
    typeof indexedDB === 'undefined'
      ? undefined
      : createIndexedDbStorage(new URL(hubUrl).origin, (message) =>
          console.warn(`[sitroom worker] ${message}`),
        ),
});

const scope = globalThis as unknown as {
  onconnect?: ((event: MessageEvent) => void) | null;
  postMessage?: (message: unknown) => void;
};

if ('onconnect' in scope) {
  scope.onconnect = (event) => {
    const port = event.ports[0];
    if (port) host.connect(port);
  };
} else {
  host.connect(globalThis as unknown as Parameters<typeof host.connect>[0]);
}
