import { registerSW } from 'virtual:pwa-register';

/** Registers the service worker; returns the function that activates a waiting update and reloads. */
export function registerServiceWorker(handlers: { onNeedRefresh: () => void }) {
  if (!('serviceWorker' in navigator)) return null;
  return registerSW({ immediate: true, onNeedRefresh: handlers.onNeedRefresh });
}
