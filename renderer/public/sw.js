// Sitroom web console service worker: keeps the app shell (the page and its hashed assets) so a
// wall display rebooted while the hub is down still opens and shows its cached board. It never
// caches the API, the socket or exports: live data comes from the replica and its IndexedDB cache.
const SHELL = 'sitroom-shell-v2';

// The page and the hashed assets it names, read from the page itself: Vite gives them new names
// on every build, and the shell must be complete before the hub can go away.
async function cacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('./index.html', { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('./index.html', response);
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => `./${match[1]}`);
  await cache.addAll(assets);
  // The console's worker (the replica) is named only inside the page's script: cache it too, so a
  // console opened while the hub is down still has its replica and cached board.
  const workers = new Set();
  for (const asset of assets.filter((name) => name.endsWith('.js'))) {
    const script = await (await cache.match(asset))?.text();
    // Named relative to the script, which lives in assets/.
    for (const match of script?.matchAll(/console-worker-[\w-]+\.js/g) ?? [])
      workers.add(`./assets/${match[0]}`);
  }
  await cache.addAll([...workers]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== SHELL).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (
    url.pathname.startsWith('/api/') ||
    url.pathname.startsWith('/socket.io/') ||
    url.pathname === '/healthz'
  )
    return;

  if (request.mode === 'navigate') {
    // The page: the network first (a new release), the cached shell when the hub is unreachable.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) void caches.open(SHELL).then((cache) => cache.put('./index.html', copy));
          return response;
        })
        .catch(() => caches.match('./index.html').then((cached) => cached ?? Response.error())),
    );
    return;
  }
  if (url.pathname.includes('/assets/')) {
    // Hashed assets never change: the cache first, filled on first use.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            const copy = response.clone();
            if (response.ok) void caches.open(SHELL).then((cache) => cache.put(request, copy));
            return response;
          }),
      ),
    );
  }
});
