/**
 * The offline shell: the service worker (built from web/build/service-worker.js into /sw.js) keeps
 * the app and the signed-in role's pages, so a reload without a network still opens them, and the
 * visit form still keeps its draft. Browsers run service workers only in a secure context (HTTPS,
 * or localhost); over plain HTTP the app works as before, online only.
 */
const REFERENCE_CACHE = 'outreach-reference';

function worker(): ServiceWorkerContainer | null {
  return import.meta.env.PROD && window.isSecureContext && 'serviceWorker' in navigator
    ? navigator.serviceWorker
    : null;
}

/** Registers the worker once the page has loaded, so that it never competes with the first paint. */
export function registerOffline(): void {
  const container = worker();
  if (!container) return;
  const register = () =>
    void container.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('the offline shell could not be installed', error);
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * Tells the worker who is signed in (it fetches that role's pages ahead), or that nobody is: the
 * reference data it kept is dropped, from here as well in case no worker is running.
 */
export function offlineFor(role: string | null): void {
  const container = worker();
  if (!container) return;
  if (role === null && 'caches' in window) void caches.delete(REFERENCE_CACHE);
  void container.ready.then((registration) =>
    registration.active?.postMessage(role ? { type: 'signed-in', role } : { type: 'signed-out' }),
  );
}
