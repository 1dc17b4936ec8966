/**
 * "Tải kết quả (.xlsx)": side B's judgement of the compared list as the workbook `llct check --format xlsx` writes
 * (engine/io/xlsx/writeResultsWorkbook.ts, loaded on demand), headings in the page's language. Offered for the lists
 * the page keeps (`PRINTABLE_LIMIT`); a longer list is written by the CLI.
 */
import { useId, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/workbookStrings.ts';
import { text } from '../i18n/text.ts';
import { downloadBytes, XLSX_TYPE } from '../shared/downloadBytes.ts';
import { PRINTABLE_LIMIT, type CohortResult } from './compareCohort.ts';
import { formatCount } from './formatNumbers.ts';

export function ResultsWorkbookCard({ result, lang }: { result: CohortResult; lang: Lang }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const entries = result.printable;
  const download = async () => {
    if (!entries) return;
    setBusy(true);
    setError(null);
    try {
      const { resultsWorkbook } = await import('./workbookDownloads.ts');
      downloadBytes(await resultsWorkbook(result, entries, lang), text(lang, 'workbook.resultsFileName'), XLSX_TYPE);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="results-workbook">
      <h3 id={`${id}-h`}>{text(lang, 'workbook.resultsTitle')}</h3>
      {!entries ? <p className="muted">{text(lang, 'workbook.resultsTooLong', { limit: formatCount(PRINTABLE_LIMIT, lang) })}</p> : (
        <>
          <p className="muted small">{text(lang, 'workbook.resultsLead', { side: result.labels.b[lang] })}</p>
          <div className="diff-actions">
            <button type="button" className="button button-primary" data-testid="download-results" disabled={busy} aria-busy={busy} onClick={() => { void download(); }}>
              {busy ? text(lang, 'workbook.writing') : text(lang, 'workbook.downloadResults')}
            </button>
          </div>
          {error && <p className="field-error" role="alert">{text(lang, 'workbook.writeError')} <code>{error}</code></p>}
        </>
      )}
    </section>
  );
}
