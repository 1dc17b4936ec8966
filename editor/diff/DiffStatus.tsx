/** The run's state when it is not a result: progress with a cancel button, a refusal, a cancellation, a failure. */
import type { Lang } from '../i18n/strings.ts';
import { formatCount, formatPercent } from './formatNumbers.ts';
import type { CohortDiffState } from './useCohortDiff.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

export function DiffStatus({ state, onCancel, lang }: { state: CohortDiffState; onCancel: () => void; lang: Lang }) {
  switch (state.status) {
    case 'running': {
      const percent = formatPercent(state.fraction, 1, lang);
      return (
        <div className="card diff-progress" data-testid="diff-progress">
          <progress value={state.fraction} max={1} aria-label={text(lang, 'diff.diffProgressLabel')} />
          <p aria-live="polite">{text(lang, 'diff.diffProgress', { file: state.file, count: formatCount(state.compared, lang), percent })}</p>
          <button type="button" className="button" data-testid="diff-cancel" onClick={onCancel}>{text(lang, 'diff.diffCancel')}</button>
        </div>
      );
    }
    case 'refused':
      return <div className="alert alert-error" role="alert" data-testid="diff-refused">{state.message[lang]}</div>;
    case 'cancelled':
      return (
        <div className="alert alert-warning" role="status" data-testid="diff-cancelled">
          {text(lang, 'diff.diffCancelled', { file: state.file, count: formatCount(state.compared, lang) })}
        </div>
      );
    case 'failed':
      return (
        <div className="alert alert-error" role="alert" data-testid="error">
          <p>{text(lang, 'diff.diffFailed')}</p>
          <code>{state.error}</code>
        </div>
      );
    default:
      return null;
  }
}
