import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** A new value (the address) clears a caught error: going elsewhere starts clean. */
  readonly resetKey: string;
  readonly fallback: (retry: () => void) => ReactNode;
  readonly onError: (error: unknown, componentStack: string | null) => void;
}

interface State {
  readonly error: boolean;
  readonly resetKey: string;
}

/** React's error boundary: a part that throws while rendering shows `fallback`, never a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { error: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? null);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(() => this.setState({ error: false })) : this.props.children;
  }
}
