import type { ReactNode } from 'react';
import { recordAppError, useStore } from '#db';
import { ErrorBoundary } from '#ui/ErrorBoundary.tsx';
import { useT } from '#ui/useT.ts';

/**
 * One panel of Settings that breaks (a damaged record, say) says so and leaves the others working: the
 * teacher must still reach the problems noted on this tablet, the server and the backup of the rest.
 */
export function SafePanel({ children }: { children: ReactNode }) {
  const { t } = useT();
  const store = useStore();
  return (
    <ErrorBoundary
      resetKey="settings"
      onError={(error, componentStack) =>
        void recordAppError(store, { path: window.location.pathname, error, componentStack })
      }
      fallback={(retry) => (
        <section className="card" role="alert">
          <p>{t('error.panel')}</p>
          <button type="button" className="secondary" onClick={retry}>
            {t('error.retry')}
          </button>
        </section>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
