/* The app's service worker, written into dist/web/sw.js by web/build/offline.mjs, which replaces
   the manifest placeholder below with the files of the build. What it keeps:
   - the app shell (index.html and the entry's scripts and styles), on install;
   - a role's pages (their chunks), when the page says who signed in;
   - every hashed asset the page loads (they never change under their name);
   - the reference data every user sees alike (time zone, districts, categories, departments,
     statuses), read from the network first and from the cache only when offline, cleared on
     sign-out. No other API answer is ever stored: they hold one user's data. The enterprise's
   tracking page (/t/…) and its answers (/api/v1/track/…) are left to the network alone. */
const MANIFEST = self.__OUTREACH_MANIFEST__;
const CODE_CACHE = `outreach-code-${MANIFEST.version}`;
const REFERENCE_CACHE = 'outreach-reference';
const REFERENCE_PATHS = new Set([
  '/api/v1/meta',
  '/api/v1/districts',
  '/api/v1/categories',
  '/api/v1/departments',
  '/api/v1/statuses',
]);
/** The shell is requested as a browser's page load would: the service answers index.html to text/html. */
const SHELL = () => new Request('/', { headers: { Accept: 'text/html' } });

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CODE_CACHE)
      .then((cache) => Promise.all([cache.add(SHELL()), cache.addAll(MANIFEST.shell)]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('outreach-code-') && key !== CODE_CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (message.type === 'signed-in') event.waitUntil(keepRolePages(message.role));
  if (message.type === 'signed-out') event.waitUntil(caches.delete(REFERENCE_CACHE));
});

/** A role's page chunks, fetched once so that they open offline; a file that fails is left for later. */
async function keepRolePages(role) {
  const files = MANIFEST.roles[role] || [];
  const cache = await caches.open(CODE_CACHE);
  await Promise.all(
    files.map(async (file) => {
      if (!(await cache.match(file))) await cache.add(file).catch(() => undefined);
    }),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The enterprise's tracking page and its answers: never kept, never answered from a cache.
  if (url.pathname.startsWith('/t/') || url.pathname.startsWith('/api/v1/track/')) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(fetch(request).catch(() => caches.match(SHELL(), { cacheName: CODE_CACHE, ignoreVary: true })));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (REFERENCE_PATHS.has(url.pathname) && !url.search) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(CODE_CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(REFERENCE_CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(request, { cacheName: REFERENCE_CACHE, ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}
