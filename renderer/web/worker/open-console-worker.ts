import type { WorkerPort } from './worker-protocol';

// Starts (or joins) the console's worker. A SharedWorker where the browser has one: every tab of
// the profile then shares one socket, one replica and one outbox. Else a dedicated worker per
// tab (the tabs still share the stored outbox, shared-outbox.ts). The URLs are written out in
// each constructor call so Vite finds and bundles the worker.

const NAME = 'sitroom-console';

export function openConsoleWorker(): WorkerPort {
  if (typeof SharedWorker === 'function') {
    const shared = new SharedWorker(new URL('./console-worker.ts', import.meta.url), {
      type: 'module',
      name: NAME,
    });
    shared.addEventListener('error', () => console.error('[sitroom] the console worker failed to start'));
    return shared.port;
  }
  return new Worker(new URL('./console-worker.ts', import.meta.url), { type: 'module', name: NAME });
}
