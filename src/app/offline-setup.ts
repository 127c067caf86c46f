/** Why the app cannot work offline on this device; never swallowed: the app tells the person (UpdatePrompt). */
export type OfflineProblem =
  | { readonly kind: 'insecure' }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface ServiceWorkerHandlers {
  onNeedRefresh(): void;
  onProblem(problem: OfflineProblem): void;
}

export interface OfflineContext {
  readonly isSecure: boolean;
  readonly hasServiceWorker: boolean;
}

/** vite-plugin-pwa's registerSW, as far as the app uses it. */
export type RegisterSW = (options: {
  immediate: boolean;
  onNeedRefresh: () => void;
  onRegisterError: (error: unknown) => void;
}) => (reload?: boolean) => Promise<void>;

/**
 * Registers the service worker; returns the function that activates a waiting update and reloads, or null
 * when there is none, after reporting why: not a secure context (plain HTTP: browsers give no service
 * worker there), a browser without service workers, or a registration that failed.
 */
export function setUpOffline(handlers: ServiceWorkerHandlers, context: OfflineContext, register: RegisterSW) {
  if (!context.isSecure) {
    handlers.onProblem({ kind: 'insecure' });
    return null;
  }
  if (!context.hasServiceWorker) {
    handlers.onProblem({ kind: 'unsupported' });
    return null;
  }
  return register({
    immediate: true,
    onNeedRefresh: handlers.onNeedRefresh,
    onRegisterError: (error) => {
      console.error('Service worker registration failed', error);
      handlers.onProblem({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    },
  });
}
