import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What part of the screen this guards, for the message. */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A crash in one part of the screen shows a friendly message there, never a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
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
