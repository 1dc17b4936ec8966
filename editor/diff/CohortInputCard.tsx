/**
 * Where the list comes from: a file the user picks (an Excel workbook, CSV, JSON, JSON lines) or the built-in sample,
 * in one click; and the list template to fill in. A workbook is opened by workbookCohort.ts, loaded only then; one
 * with several sheets is read whole, or one sheet the user chooses.
 */
import { useId, useState } from 'react';
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/diffStrings.ts';
import '../i18n/workbookStrings.ts';
import { inputSize, type CohortInput, type WorkbookCohortInput } from './compareCohort.ts';
import { formatCount } from './formatNumbers.ts';
import { SAMPLE_COHORT } from './sampleCohort.ts';
import { text } from '../i18n/text.ts';
import { TemplateButton } from './TemplateButton.tsx';

export interface CohortInputCardProps {
  input: CohortInput | null;
  onLoad: (input: CohortInput) => void;
  lang: Lang;
  /** For the template's position dropdown. */
  positions: PositionCatalogue;
  /** The nomination year: the template asks for the ratings of the three years before it. */
  year: number;
}

function sizeText(chars: number, lang: Lang): string {
  const kb = chars / 1024;
  return kb < 1024 ? `${formatCount(Math.max(1, Math.round(kb)), lang)} KB` : `${formatCount(Math.round(kb / 102.4) / 10, lang)} MB`;
}

/** Workbooks by name: .xlsx, and the .xlsm and .xls the reader refuses with a reason. */
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls)$/i;

interface Opened { file: string; bytes: Uint8Array; open: (file: string, bytes: Uint8Array, sheet?: string) => WorkbookCohortInput }

export function CohortInputCard({ input, onLoad, lang, positions, year }: CohortInputCardProps) {
  const fileId = useId();
  const sheetId = useId();
  const [readError, setReadError] = useState<{ file: string; error: string } | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      if (WORKBOOK_NAME.test(file.name)) {
        setOpening(file.name);
        const [{ openWorkbookCohort }, buffer] = await Promise.all([import('./workbookCohort.ts'), file.arrayBuffer()]);
        const bytes = new Uint8Array(buffer);
        setOpened({ file: file.name, bytes, open: openWorkbookCohort });
        setReadError(null);
        onLoad(openWorkbookCohort(file.name, bytes));
        return;
      }
      const text = await file.text();
      setReadError(null);
      setOpened(null);
      onLoad({ file: file.name, text });
    } catch (e) {
      setReadError({ file: file.name, error: e instanceof Error ? e.message : String(e) });
    } finally {
      setOpening(null);
    }
  };

  const workbook = input && 'workbook' in input ? input.workbook : undefined;

  return (
    <fieldset className="card">
      <legend>{text(lang, 'diff.diffInput')}</legend>
      <div className="field">
        <label htmlFor={fileId}>{text(lang, 'diff.diffPickFile')}</label>
        <input id={fileId} data-testid="cohort-file" type="file"
          accept=".xlsx,.csv,.json,.jsonl,.ndjson,.txt,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const el = e.currentTarget;
            void pick(el.files?.[0]).finally(() => { el.value = ''; });
          }} />
      </div>
      {opened && workbook && workbook.sheets.length > 1 && (
        <div className="field">
          <label htmlFor={sheetId}>{text(lang, 'workbook.sheet')}</label>
          <select id={sheetId} data-testid="cohort-sheet" value={workbook.sheet ?? ''}
            onChange={(e) => onLoad(opened.open(opened.file, opened.bytes, e.target.value === '' ? undefined : e.target.value))}>
            <option value="">{text(lang, 'workbook.allSheets', { count: formatCount(workbook.sheets.length, lang) })}</option>
            {workbook.sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
          <p className="muted small">{text(lang, 'workbook.sheetHint')}</p>
        </div>
      )}
      <div className="diff-actions">
        <button type="button" className="button" data-testid="use-sample" onClick={() => { setReadError(null); setOpened(null); onLoad(SAMPLE_COHORT); }}>
          {text(lang, 'diff.diffUseSample')}
        </button>
        <TemplateButton lang={lang} positions={positions} year={year} />
      </div>
      <p className="muted small diff-note">{text(lang, 'diff.diffSampleNote')}</p>
      {readError && (
        <div className="alert alert-error" role="alert">
          <p>{text(lang, 'diff.diffReadError', { file: readError.file })}</p>
          <code>{readError.error}</code>
        </div>
      )}
      <p className="diff-loaded" data-testid="cohort-loaded" aria-live="polite">
        {opening ? text(lang, 'workbook.opening', { file: opening })
          : input ? text(lang, 'diff.diffLoaded', { file: input.file, size: sizeText(inputSize(input), lang) }) : text(lang, 'diff.diffNoInput')}
      </p>
    </fieldset>
  );
}
