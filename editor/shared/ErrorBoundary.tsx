/** Keeps a rendering bug in one panel from blanking the page: shows the error in the page's language instead. */
import { Component, type ReactNode } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';

interface Props { lang: Lang; children: ReactNode; resetKey: unknown; message?: string; detailsLabel?: string; testId?: string }
interface State { error: Error | null; resetKey: unknown }

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Changing the inputs gives the panel another try.
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="alert alert-error" role="alert" data-testid={this.props.testId ?? 'error'}>
        <p>{this.props.message ?? text(this.props.lang, 'page.renderError')}</p>
        {this.props.detailsLabel
          ? <details><summary>{this.props.detailsLabel}</summary><code>{this.state.error.message}</code></details>
          : <code>{this.state.error.message}</code>}
      </div>
    );
  }
}
