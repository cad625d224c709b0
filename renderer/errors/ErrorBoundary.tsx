import { Component, type ErrorInfo, type ReactNode } from 'react';

// One broken incident must never take a wall down. Each region of the console (the board and each
// of its rows, the incident view, the map, the statistics, the header) renders inside one of
// these: what throws is shown as broken, in place, and everything around it keeps updating. A new
// `resetKey` (the next version of the data) tries again.

export interface ErrorBoundaryProps {
  /** What is shown here, for the console log and data-broken: "board", "row INC-4", "map". */
  readonly name: string;
  readonly fallback: (error: Error) => ReactNode;
  /** When this changes, the boundary forgets the error and renders its children again. */
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[sitroom] ${this.props.name} could not be shown:`, error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
