/** "Tải mẫu danh sách (.xlsx)": the template `llct template --format xlsx` writes, made in the page on demand. */
import { useState } from 'react';
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/workbookStrings.ts';
import { text } from '../i18n/text.ts';
import { downloadBytes, XLSX_TYPE } from '../shared/downloadBytes.ts';

export function TemplateButton({ lang, positions, year }: { lang: Lang; positions: PositionCatalogue; year: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { templateWorkbook } = await import('./workbookDownloads.ts');
      downloadBytes(await templateWorkbook(lang, positions, year), text(lang, 'workbook.templateFileName'), XLSX_TYPE);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" data-testid="download-template" disabled={busy} aria-busy={busy}
        title={text(lang, 'workbook.templateNote')} onClick={() => { void download(); }}>
        {busy ? text(lang, 'workbook.writing') : text(lang, 'workbook.downloadTemplate')}
      </button>
      {error && <p className="field-error" role="alert">{text(lang, 'workbook.writeError')} <code>{error}</code></p>}
    </>
  );
}
