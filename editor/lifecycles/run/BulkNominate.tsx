/**
 * Nominating a whole list at once in a class run: the built-in Hà Nội 2024 sample list (210 cadres of 16 central
 * agencies) or a cadre file the user picks (an Excel workbook, CSV, JSON or JSON lines, read as `llct check` reads it). Each readable
 * row becomes one NOMINATE event with the cadre's profile, learner id = the cadre's id; rows that do not read are
 * counted and the first ones named (file, row, field), and nominate nobody. The events go to the run as one batch.
 */
import { messageIn } from '../../../engine/diagnostics/Diagnostic.ts';
import { useId, useState, type FormEvent } from 'react';
import { readCadresFromText } from '../../../engine/io/readCadres.ts';
import type { RowDiagnostic } from '../../../engine/io/rowDiagnostic.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import { SAMPLE_COHORT } from '../../diff/sampleCohort.ts';
import { text } from '../../i18n/text.ts';
import '../../i18n/runStrings.ts';

export interface BulkNominateProps {
  /** The nomination event type and date the events get (the event chosen in the form, and its date). */
  event: string;
  at: string;
  lang: Lang;
  onEvents(events: unknown[]): void;
}

/** Never submitted: the button nominates (Enter in a field does nothing). */
const preventSubmit = (e: FormEvent) => e.preventDefault();

interface Loaded { file: string; profiles: Array<Record<string, unknown>>; invalid: number; problems: string[] }

function load(text: string, file: string, lang: Lang): Loaded {
  return loaded(file, readCadresFromText(text, { file }), lang);
}

function loaded(file: string, read: { rows: readonly { profile: object }[]; errors: readonly RowDiagnostic[]; invalid: number }, lang: Lang): Loaded {
  const problems = read.errors.filter((e) => e.severity === 'error').slice(0, 3)
    .map((e) => messageIn(e, lang));
  return { file, profiles: read.rows.map((r) => r.profile as unknown as Record<string, unknown>), invalid: read.invalid, problems };
}

/** A workbook (.xlsx), read every sheet by the engine's workbook reader, loaded only now. */
async function loadWorkbook(f: File, lang: Lang): Promise<Loaded> {
  const [{ openWorkbookCohort }, buffer] = await Promise.all([import('../../diff/workbookCohort.ts'), f.arrayBuffer()]);
  const source = openWorkbookCohort(f.name, new Uint8Array(buffer)).workbook.open();
  const rows = [...source.rows()];
  return loaded(f.name, { rows, errors: source.problems, invalid: source.invalid }, lang);
}

/** The sample list, read once per language the first time it is offered (module cache; the text never changes). */
const sampleByLang = new Map<Lang, Loaded>();
function sampleList(lang: Lang): Loaded {
  let hit = sampleByLang.get(lang);
  if (!hit) sampleByLang.set(lang, hit = load(SAMPLE_COHORT.text, SAMPLE_COHORT.file, lang));
  return hit;
}

export function BulkNominate({ event, at, lang, onEvents }: BulkNominateProps) {
  const ids = { count: useId(), file: useId() };
  const [loaded, setLoaded] = useState<Loaded>(() => sampleList(lang));
  const [count, setCount] = useState(30);
  const [error, setError] = useState<string | undefined>();
  const n = Math.max(0, Math.min(count, loaded.profiles.length));
  return (
    // A form of its own, never submitted, for the reason given in ClassRunPanel (Chromium's autofill).
    <form onSubmit={preventSubmit}><fieldset className="lc-add lc-bulk" data-testid="bulk-nominate">
      <legend>{text(lang, 'run.bulkTitle')}</legend>
      <p className="muted small" data-testid="bulk-source">
        {text(lang, 'run.bulkSource', { file: loaded.file, n: loaded.profiles.length })}
        {loaded.invalid > 0 && ` ${text(lang, 'run.bulkInvalid', { n: loaded.invalid })}`}
      </p>
      {loaded.problems.length > 0 && <ul className="small" data-testid="bulk-problems">{loaded.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <div className="field">
        <label htmlFor={ids.file}>{text(lang, 'run.bulkFile')}</label>
        <input id={ids.file} type="file" accept=".xlsx,.csv,.json,.jsonl,.ndjson,text/csv,application/json" data-testid="bulk-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const read = /\.(xlsx|xlsm|xls)$/i.test(f.name) ? loadWorkbook(f, lang) : f.text().then((text) => load(text, f.name, lang));
            read.then((next) => { setLoaded(next); setError(undefined); }, (err: unknown) => setError(String(err)));
          }} />
      </div>
      {error && <p role="alert" className="lc-refused">{error}</p>}
      <div className="field">
        <label htmlFor={ids.count}>{text(lang, 'run.bulkCount')}</label>
        <input id={ids.count} type="number" min={1} max={loaded.profiles.length} data-testid="bulk-count" value={count}
          onChange={(e) => setCount(Number(e.target.value) || 0)} />
      </div>
      <button type="button" data-testid="bulk-nominate-send" disabled={n === 0 || !at}
        onClick={() => onEvents(loaded.profiles.slice(0, n).map((profile) => ({ type: event, at, learnerId: String(profile.id), profile })))}>
        {text(lang, 'run.bulkSend', { n })}
      </button>
    </fieldset></form>
  );
}
