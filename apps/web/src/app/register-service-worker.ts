// Installing the service worker (decision 014) downloads every script and style of the app. Started
// at the load event, as vite-plugin-pwa's own snippet does, that download competed with the first
// page's scripts and data on a phone's first visit: Lighthouse measured 225–296 ms of total blocking
// time on the dashboard against 71–87 ms with the registration a few seconds later (decision 021).
// Later visits are unaffected: the installed worker already controls the page.
const SETTLE_MS = 5000;

function whenIdle(run: () => void) {
  // Safari has no requestIdleCallback.
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: SETTLE_MS });
  else setTimeout(run, 0);
}

export function registerServiceWorkerOnceSettled() {
  // The dev server builds no worker.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    // Without a worker the app still works online; only reloading offline needs it.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  const start = () => setTimeout(() => whenIdle(register), SETTLE_MS);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
