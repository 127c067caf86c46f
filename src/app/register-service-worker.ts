import { registerSW } from 'virtual:pwa-register';
import { setUpOffline, type ServiceWorkerHandlers } from './offline-setup.ts';

export type { OfflineProblem } from './offline-setup.ts';

/** Registers the service worker (see setUpOffline); every reason it cannot goes to handlers.onProblem. */
export function registerServiceWorker(handlers: ServiceWorkerHandlers) {
  const context = { isSecure: window.isSecureContext !== false, hasServiceWorker: 'serviceWorker' in navigator };
  return setUpOffline(handlers, context, registerSW);
}
