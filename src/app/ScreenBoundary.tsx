import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { recordAppError, useStore } from '#db';
import { ErrorBoundary } from '#ui/ErrorBoundary.tsx';
import { ScreenError } from './ScreenError.tsx';

/**
 * Around every screen (and the header): a screen that breaks shows a kind message in the tablet's
 * language with a way back (`home`, the start of this tablet's role), and the error is noted on the tablet
 * for the teacher (Settings → Problems on this tablet).
 */
export function ScreenBoundary(props: { children: ReactNode; home: string; variant?: 'screen' | 'header' }) {
  const store = useStore();
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      resetKey={pathname}
      onError={(error, componentStack) => void recordAppError(store, { path: pathname, error, componentStack })}
      fallback={(retry) => <ScreenError home={props.home} retry={retry} variant={props.variant ?? 'screen'} />}
    >
      {props.children}
    </ErrorBoundary>
  );
}
