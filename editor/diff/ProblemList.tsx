/** The rows that could not be read, by row and field with the message; then warnings about the file. Capped. */
import { hintIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { t, type Lang } from '../i18n/strings.ts';
import { fillText } from './fillText.ts';
import { formatCount } from './formatNumbers.ts';

const SHOWN = 200;

export function ProblemList({ errors, warnings, lang }: { errors: readonly RowDiagnostic[]; warnings: readonly RowDiagnostic[]; lang: Lang }) {
  const text = (d: RowDiagnostic) => (lang === 'en' ? d.messageEn : d.message);
  const hintOf = (d: RowDiagnostic) => hintIn(d, lang);
  return (
    <section className="card" data-testid="unreadable-rows" aria-labelledby="unreadable-heading">
      <h3 id="unreadable-heading">{t(lang, 'unreadableRows')}</h3>
      {errors.length === 0 ? <p className="muted">{t(lang, 'noneInList')}</p> : (
        <div className="table-scroll">
          <table className="diff-table problems">
            <thead>
              <tr><th scope="col">{t(lang, 'colRow')}</th><th scope="col">{t(lang, 'colField')}</th><th scope="col">{t(lang, 'colMessage')}</th></tr>
            </thead>
            <tbody>
              {errors.slice(0, SHOWN).map((d, i) => (
                <tr key={i} data-testid="problem" data-row={d.row ?? ''} data-field={d.path}>
                  <td>{d.row ?? '—'}</td>
                  <td className="nowrap"><code>{d.path === '' ? t(lang, 'wholeRow') : d.path}</code></td>
                  <td>{text(d)}{hintOf(d) ? <span className="muted"> {hintOf(d)}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {errors.length > SHOWN && <p className="muted">{fillText(t(lang, 'moreProblems'), { n: formatCount(errors.length - SHOWN, lang) })}</p>}
      {warnings.length > 0 && (
        <>
          <h4>{t(lang, 'fileWarnings')}</h4>
          <ul className="notes" data-testid="file-warnings">
            {warnings.slice(0, SHOWN).map((d, i) => <li key={i}>{text(d)}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
