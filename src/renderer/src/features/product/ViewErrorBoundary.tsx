import { Component, createRef, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../../components/errors';

interface ViewErrorBoundaryProps {
  /** The view's name, as the top bar shows it ("Roadmap"). */
  view: string;
  children: ReactNode;
}

interface ViewErrorBoundaryState {
  error: unknown;
  failed: boolean;
  /** Bumped by "Reload this view", so that the view starts afresh. */
  attempt: number;
}

/**
 * A view that fails stays a failed view: an exception while it renders, or in its effects, puts a
 * message and a "Reload this view" button in its place, and the top bar, the other views and every
 * edit already made are untouched. Nothing the view had half done is committed: an edit is
 * dispatched whole or not at all, and a drag commits its drop only while its board is still on
 * screen (see DragSession).
 */
export class ViewErrorBoundary extends Component<ViewErrorBoundaryProps, ViewErrorBoundaryState> {
  override state: ViewErrorBoundaryState = { error: null, failed: false, attempt: 0 };
  private readonly reloadButton = createRef<HTMLButtonElement>();

  static getDerivedStateFromError(error: unknown): Partial<ViewErrorBoundaryState> {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever reads the console (and bug reports): the view's own stack.
    console.error(`The ${this.props.view} view failed:`, error, info.componentStack);
  }

  override componentDidMount(): void {
    if (this.state.failed) this.reloadButton.current?.focus();
  }

  override componentDidUpdate(_props: ViewErrorBoundaryProps, previous: ViewErrorBoundaryState): void {
    // Focus was on something inside the view that is gone: put it on the way back.
    if (this.state.failed && !previous.failed) this.reloadButton.current?.focus();
  }

  private readonly reload = () => this.setState((s) => ({ error: null, failed: false, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    const { view, children } = this.props;
    if (!this.state.failed) return <Fragment key={this.state.attempt}>{children}</Fragment>;
    return (
      <div className="view-error" role="alert" aria-labelledby="view-error-title">
        <h2 id="view-error-title">The {view} view stopped working</h2>
        <p>
          Something went wrong while showing it, so it was stopped before it could change anything. Everything you finished before is kept; what you were in the middle of (a drag,
          say) was not saved.
        </p>
        <p className="view-error-detail">
          <code>{errorMessage(this.state.error)}</code>
        </p>
        <button ref={this.reloadButton} type="button" className="view-error-reload" onClick={this.reload}>
          Reload this view
        </button>
      </div>
    );
  }
}
