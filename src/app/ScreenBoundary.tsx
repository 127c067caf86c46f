import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { recordAppError, useStore } from '#db';
import { ScreenError } from './ScreenError.tsx';

interface BoundaryProps {
  readonly children: ReactNode;
  /** A new value (the address) clears a caught error: going elsewhere starts clean. */
  readonly resetKey: string;
  readonly fallback: (retry: () => void) => ReactNode;
  readonly onError: (error: unknown, componentStack: string | null) => void;
}

interface BoundaryState {
  readonly error: boolean;
  readonly resetKey: string;
}

/** React's error boundary: a screen that throws while rendering shows `fallback`, never a blank page. */
class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { error: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? null);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(() => this.setState({ error: false })) : this.props.children;
  }
}

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
