/**
 * The comparison view: a list of cadres (a file or the sample), the default nomination, two sides; then who gains,
 * who loses, and why. The comparison runs in the page a chunk at a time, with progress and a cancel button.
 */
import { useMemo, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { useWorkspaceRecords } from '../shared/useWorkspaceRecords.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { DEFAULT_SETUP, type DiffSetup } from './buildDiffSides.ts';
import { CohortInputCard } from './CohortInputCard.tsx';
import type { CohortInput } from './compareCohort.ts';
import { DiffDefaultsForm } from './DiffDefaultsForm.tsx';
import { DiffResultView } from './DiffResultView.tsx';
import { DiffSidesForm, type SidesValue } from './DiffSidesForm.tsx';
import { diffSources } from './diffSources.ts';
import { DiffStatus } from './DiffStatus.tsx';
import { useCohortDiff } from './useCohortDiff.ts';
import './diff.css';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

/** Today's date where the page runs, ISO. */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function DiffPage({ lang, session }: { lang: Lang; session: WorkspaceSession }) {
  const records = useWorkspaceRecords(session.store);
  const sources = useMemo(() => diffSources(records), [records]);
  const positionName = useMemo(() => {
    const names = new Map(sources.positions.positions.map((p) => [p.code, p.name]));
    return (code: string) => names.get(code);
  }, [sources.positions]);
  const [input, setInput] = useState<CohortInput | null>(null);
  const [defaults, setDefaults] = useState(DEFAULT_SETUP.defaults);
  const [sides, setSides] = useState<SidesValue>({ a: DEFAULT_SETUP.a, b: DEFAULT_SETUP.b, bOwnDate: false, bOn: DEFAULT_SETUP.defaults.on });
  const { state, start, cancel } = useCohortDiff();
  const setup: DiffSetup = { defaults, a: sides.a, b: sides.b, ...(sides.bOwnDate ? { bOn: sides.bOn } : {}) };
  const running = state.status === 'running';

  const load = (next: CohortInput) => {
    setInput(next);
    start(next, setup, sources);
  };

  return (
    <main className="diff-page" aria-labelledby="diff-heading">
      <h2 id="diff-heading" className="visually-hidden">{text(lang, 'page.viewDiff')}</h2>
      <p className="diff-intro">{text(lang, 'diff.diffIntro')}</p>
      <div className="diff-setup">
        <CohortInputCard input={input} onLoad={load} lang={lang} positions={sources.positions} year={Number(defaults.on.slice(0, 4))} />
        <DiffDefaultsForm value={defaults} onChange={setDefaults} lang={lang} />
        <DiffSidesForm value={sides} onChange={setSides} choices={sources.options} lang={lang} />
      </div>
      <div className="diff-actions">
        <button type="button" className="button button-primary" data-testid="diff-run" disabled={!input || running}
          onClick={() => { if (input) start(input, setup, sources); }}>
          {text(lang, 'diff.diffRun')}
        </button>
        {!input && <span className="muted">{text(lang, 'diff.diffNoInput')}</span>}
      </div>
      <DiffStatus state={state} onCancel={cancel} lang={lang} />
      {state.status === 'done' && <DiffResultView result={state.result} lang={lang} positionName={positionName} today={todayIso()} />}
    </main>
  );
}
