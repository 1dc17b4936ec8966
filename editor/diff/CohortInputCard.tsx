/** Where the list comes from: a file the user picks (CSV, JSON, JSON lines) or the built-in sample, in one click. */
import { useId, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import type { CohortInput } from './compareCohort.ts';
import { formatCount } from './formatNumbers.ts';
import { SAMPLE_COHORT } from './sampleCohort.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

export interface CohortInputCardProps {
  input: CohortInput | null;
  onLoad: (input: CohortInput) => void;
  lang: Lang;
}

function sizeText(chars: number, lang: Lang): string {
  const kb = chars / 1024;
  return kb < 1024 ? `${formatCount(Math.max(1, Math.round(kb)), lang)} KB` : `${formatCount(Math.round(kb / 102.4) / 10, lang)} MB`;
}

export function CohortInputCard({ input, onLoad, lang }: CohortInputCardProps) {
  const fileId = useId();
  const [readError, setReadError] = useState<{ file: string; error: string } | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      const text = await file.text();
      setReadError(null);
      onLoad({ file: file.name, text });
    } catch (e) {
      setReadError({ file: file.name, error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <fieldset className="card">
      <legend>{text(lang, 'diff.diffInput')}</legend>
      <div className="field">
        <label htmlFor={fileId}>{text(lang, 'diff.diffPickFile')}</label>
        <input id={fileId} data-testid="cohort-file" type="file" accept=".csv,.json,.jsonl,.ndjson,.txt,text/csv,application/json"
          onChange={(e) => {
            const el = e.currentTarget;
            void pick(el.files?.[0]).finally(() => { el.value = ''; });
          }} />
      </div>
      <button type="button" className="button" data-testid="use-sample" onClick={() => { setReadError(null); onLoad(SAMPLE_COHORT); }}>
        {text(lang, 'diff.diffUseSample')}
      </button>
      <p className="muted small diff-note">{text(lang, 'diff.diffSampleNote')}</p>
      {readError && (
        <div className="alert alert-error" role="alert">
          <p>{text(lang, 'diff.diffReadError', { file: readError.file })}</p>
          <code>{readError.error}</code>
        </div>
      )}
      <p className="diff-loaded" data-testid="cohort-loaded" aria-live="polite">
        {input ? text(lang, 'diff.diffLoaded', { file: input.file, size: sizeText(input.text.length, lang) }) : text(lang, 'diff.diffNoInput')}
      </p>
    </fieldset>
  );
}
