/** The rows that could not be read, by row and field with the message; then warnings about the file. Capped. */
import { messageIn, hintIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Lang } from '../i18n/strings.ts';
import { formatCount } from './formatNumbers.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

const SHOWN = 200;

export function ProblemList({ errors, warnings, lang }: { errors: readonly RowDiagnostic[]; warnings: readonly RowDiagnostic[]; lang: Lang }) {
  const messageOf = (d: RowDiagnostic) => messageIn(d, lang);
  const hintOf = (d: RowDiagnostic) => hintIn(d, lang);
  return (
    <section className="card" data-testid="unreadable-rows" aria-labelledby="unreadable-heading">
      <h3 id="unreadable-heading">{text(lang, 'diff.unreadableRows')}</h3>
      {errors.length === 0 ? <p className="muted">{text(lang, 'diff.noneInList')}</p> : (
        <div className="table-scroll">
          <table className="diff-table problems">
            <thead>
              <tr><th scope="col">{text(lang, 'diff.colRow')}</th><th scope="col">{text(lang, 'diff.colField')}</th><th scope="col">{text(lang, 'diff.colMessage')}</th></tr>
            </thead>
            <tbody>
              {errors.slice(0, SHOWN).map((d, i) => (
                <tr key={i} data-testid="problem" data-row={d.row ?? ''} data-field={d.path}>
                  <td>{d.row ?? '—'}</td>
                  <td className="nowrap"><code>{d.path === '' ? text(lang, 'diff.wholeRow') : d.path}</code></td>
                  <td>{messageOf(d)}{hintOf(d) ? <span className="muted"> {hintOf(d)}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {errors.length > SHOWN && <p className="muted">{text(lang, 'diff.moreProblems', { n: formatCount(errors.length - SHOWN, lang) })}</p>}
      {warnings.length > 0 && (
        <>
          <h4>{text(lang, 'diff.fileWarnings')}</h4>
          <ul className="notes" data-testid="file-warnings">
            {warnings.slice(0, SHOWN).map((d, i) => <li key={i}>{messageOf(d)}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
