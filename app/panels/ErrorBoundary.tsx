import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What part of the screen this guards, for the message. */
  area: string;
  /**
   * When this changes (the formula, say) a caught error is forgotten and the children are tried
   * again: a bug met on one formula must not leave this part of the screen broken for the next.
   */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The resetKey the error was caught under. */
  key: unknown;
}

/** A crash in one part of the screen shows a friendly message there, never a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey === state.key) return null;
    return { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[${this.props.area}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <p>
          <strong>Sorry — the {this.props.area} ran into a problem.</strong>
        </p>
        <p>Try another formula or example; the rest of the page still works.</p>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
