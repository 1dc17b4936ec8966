/**
 * The eligibility check page: pick a sample cadre (or edit one), choose the nomination, read the verdict. A second
 * view compares a whole list of cadres under two regulations or dates. The rulesets are bundled and evaluated in
 * the browser by the same engine the CLI uses.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { builtinDocuments, createBuiltinChecker } from '../engine/builtin.ts';
import type { CadreProfileInput, Nomination } from '../engine/documents/cadre.ts';
import type { Position, Province } from '../engine/documents/catalogue.ts';
import type { Checker } from '../engine/rules/createChecker.ts';
import { createCompiledEvaluator } from '../engine/rules/compile/createCompiledEvaluator.ts';
import { CadreForm } from './check/CadreForm.tsx';
import { DiffPage } from './diff/DiffPage.tsx';
import { ErrorBoundary } from './widgets/ErrorBoundary.tsx';
import { NominationForm } from './check/NominationForm.tsx';
import { SAMPLES } from './check/samples.ts';
import { useVerdict } from './check/useVerdict.ts';
import { VerdictPanel } from './check/VerdictPanel.tsx';
import { t, type Lang } from './i18n/strings.ts';
import { ViewTabs } from './ViewTabs.tsx';

export interface Workspace {
  checker: Checker;
  positions: readonly Position[];
  provinces: readonly Province[];
}

type Loaded = { ok: true; workspace: Workspace } | { ok: false; error: string };

type View = 'check' | 'diff';

/** Loads the shipped rulesets and catalogues; a broken one becomes a message, not a blank page. */
export function loadBuiltinWorkspace(): Loaded {
  try {
    const docs = builtinDocuments();
    const provinces = [...docs.institutions.provinces].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    // The compiled evaluator agrees with json-rules-engine (differential tests) and needs no eval, so it runs under a
    // strict Content-Security-Policy.
    const checker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
    return { ok: true, workspace: { checker, positions: docs.positions.positions, provinces } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function App({ loaded }: { loaded: Loaded }) {
  const [lang, setLang] = useState<Lang>('vi');
  const [view, setView] = useState<View>('check');
  // The comparison view is built on first visit, then kept (with its results) while the other view is shown.
  const [diffOpened, setDiffOpened] = useState(false);
  const show = (next: View) => {
    setView(next);
    if (next === 'diff') setDiffOpened(true);
  };
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `LLCT Studio — ${t(lang, 'appTitle')}`;
  }, [lang]);

  return (
    <div className="page">
      <header className="topbar">
        <div>
          <div className="brand">LLCT Studio</div>
          <h1>{t(lang, 'appTitle')}</h1>
          <p className="muted">{t(lang, 'appSubtitle')}</p>
        </div>
        <button type="button" className="lang-toggle" data-testid="lang-toggle" aria-label={t(lang, 'switchLanguageLabel')}
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t(lang, 'switchLanguage')}
        </button>
      </header>
      <ViewTabs label={t(lang, 'views')} value={view} onChange={show}
        tabs={[{ id: 'check', label: t(lang, 'viewCheck') }, { id: 'diff', label: t(lang, 'viewDiff') }]} />
      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={view !== 'check'}>
        {loaded.ok
          ? <CheckPage workspace={loaded.workspace} lang={lang} />
          : <div className="alert alert-error" role="alert" data-testid="error"><p>{t(lang, 'loadError')}</p><code>{loaded.error}</code></div>}
      </div>
      <div role="tabpanel" id="panel-diff" aria-labelledby="tab-diff" hidden={view !== 'diff'}>
        {diffOpened && <DiffPage lang={lang} />}
      </div>
      <footer className="muted small">{t(lang, 'disclaimer')}</footer>
    </div>
  );
}

function CheckPage({ workspace, lang }: { workspace: Workspace; lang: Lang }) {
  const sampleId = useId();
  const first = SAMPLES[0]!;
  const [sample, setSample] = useState(first.id);
  const [profile, setProfile] = useState<CadreProfileInput>(first.profile);
  const [nomination, setNomination] = useState<Nomination>(first.nomination);
  const state = useVerdict(workspace.checker, profile, nomination);
  const resetKey = useMemo(() => ({ profile, nomination }), [profile, nomination]);

  const pick = (id: string) => {
    const s = SAMPLES.find((x) => x.id === id);
    if (!s) return;
    setSample(id);
    setProfile(s.profile);
    setNomination(s.nomination);
  };

  return (
    <main className="layout">
      <div className="inputs inputs-top">
        <div className="card">
          <div className="field">
            <label htmlFor={sampleId}>{t(lang, 'sample')}</label>
            <select id={sampleId} data-testid="sample" value={sample} onChange={(e) => pick(e.target.value)}>
              {SAMPLES.map((s) => <option key={s.id} value={s.id}>{s.profile.fullName} — {s.title[lang]}</option>)}
            </select>
          </div>
        </div>
        <NominationForm nomination={nomination} onChange={setNomination} lang={lang} />
      </div>
      <section className="card result" aria-labelledby="result-heading">
        <h2 id="result-heading">{t(lang, 'result')}{profile.fullName ? `: ${profile.fullName}` : ''}</h2>
        <ErrorBoundary lang={lang} resetKey={resetKey}>
          <VerdictPanel state={state} nomination={nomination} lang={lang} />
        </ErrorBoundary>
      </section>
      <div className="inputs inputs-cadre">
        <CadreForm profile={profile} onChange={setProfile} nominationOn={nomination.on}
          positions={workspace.positions} provinces={workspace.provinces} lang={lang} />
      </div>
    </main>
  );
}
