// Registers the app-shell service worker (renderer/public/sw.js). Browsers allow service
// workers only in secure contexts: https, or http on localhost/127.0.0.1. A wall display that
// reaches the hub over plain http on the network still works, just without the offline shell.

export function registerServiceWorker(log: (message: string) => void): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    log('no service worker here (not a secure context): the console needs the hub to open');
    return;
  }
  navigator.serviceWorker
    .register('./sw.js')
    .catch((error: unknown) => log(`service worker not registered: ${String(error)}`));
}
