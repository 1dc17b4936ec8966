/**
 * LLCT Studio in the browser: the rule and lifecycle editors on the workspace (autosaved in IndexedDB), the eligibility check of
 * one cadre, the comparison of a list and the simulation of a training plan — all read the workspace, so an edit shows in them at once. The rulesets
 * are evaluated in the browser by the same engine the CLI uses.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { builtinDocuments } from '../engine/builtin.ts';
import type { CadreProfileInput, Nomination } from '../engine/documents/cadre.ts';
import type { Position, Province } from '../engine/documents/catalogue.ts';
import type { Checker } from '../engine/rules/createChecker.ts';
import { CadreForm } from './check/CadreForm.tsx';
import { factsInPlay } from './check/factsInPlay.ts';
import { DiffPage } from './diff/DiffPage.tsx';
import { ErrorBoundary } from './widgets/ErrorBoundary.tsx';
import { NominationForm } from './check/NominationForm.tsx';
import type { Sample } from './workspace/samples.ts';
import { workspaceSamples } from './workspace/commands/sampleCommands.ts';
import { useVerdict } from './check/useVerdict.ts';
import { VerdictPanel } from './check/VerdictPanel.tsx';
import { tr } from './i18n/rulesStrings.ts';
import { t, type Lang } from './i18n/strings.ts';
import { LifecycleEditorPage } from './lifecycles/LifecycleEditorPage.tsx';
import { lt } from './lifecycles/lifecycleStrings.ts';
import { RuleEditorPage } from './rules/RuleEditorPage.tsx';
import { SimulationPage } from './simulation/SimulationPage.tsx';
import { st } from './simulation/simulationStrings.ts';
import { SaveAlerts, SaveStatus } from './rules/SaveStatus.tsx';
import { useWorkspaceChecker } from './hooks/useWorkspaceChecker.ts';
import { useWorkspaceRecords } from './hooks/useWorkspaceRecords.ts';
import { ViewTabs } from './ViewTabs.tsx';
import { ViewBoundary } from './widgets/ViewBoundary.tsx';
import { WorkspaceSetAside } from './widgets/WorkspaceSetAside.tsx';
import type { WorkspaceSession } from './workspace/createWorkspaceSession.ts';

export interface Workspace {
  checker: Checker;
  positions: readonly Position[];
  provinces: readonly Province[];
}

export type Loaded = { ok: true; session: WorkspaceSession } | { ok: false; error: string };

type View = 'rules' | 'lifecycles' | 'check' | 'diff' | 'simulation';
const VIEWS: readonly View[] = ['rules', 'lifecycles', 'check', 'diff', 'simulation'];

/** The view named by the address (`#check`), the rule editor by default. */
function viewFromHash(): View {
  const v = window.location.hash.slice(1) as View;
  return VIEWS.includes(v) ? v : 'rules';
}

const docs = builtinDocuments();
const PROVINCES = [...docs.institutions.provinces].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

export function App({ loaded }: { loaded: Loaded }) {
  const [lang, setLang] = useState<Lang>('vi');
  const [view, setView] = useState<View>(viewFromHash);
  // A view is built on first visit, then kept (with its state) while another view is shown.
  const [opened, setOpened] = useState<ReadonlySet<View>>(() => new Set([viewFromHash()]));
  const show = (next: View) => {
    setView(next);
    setOpened((old) => new Set([...old, next]));
    window.history.replaceState(null, '', `#${next}`);
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
        <div className="topbar-side">
          <button type="button" className="lang-toggle" data-testid="lang-toggle" aria-label={t(lang, 'switchLanguageLabel')}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {t(lang, 'switchLanguage')}
          </button>
          {loaded.ok && <SaveStatus session={loaded.session} lang={lang} />}
        </div>
      </header>
      {loaded.ok && <SaveAlerts session={loaded.session} lang={lang} />}
      {loaded.ok && <WorkspaceSetAside session={loaded.session} lang={lang} />}
      <ViewTabs label={t(lang, 'views')} value={view} onChange={show}
        tabs={[
          { id: 'rules', label: tr(lang, 'viewRules') }, { id: 'lifecycles', label: lt(lang, 'view') },
          { id: 'check', label: t(lang, 'viewCheck') }, { id: 'diff', label: t(lang, 'viewDiff') },
          { id: 'simulation', label: st(lang, 'view') },
        ]} />
      {!loaded.ok && <div className="alert alert-error" role="alert" data-testid="error"><p>{t(lang, 'loadError')}</p><code>{loaded.error}</code></div>}
      {loaded.ok && (
        <>
          <div role="tabpanel" id="panel-rules" aria-labelledby="tab-rules" hidden={view !== 'rules'}>
            {opened.has('rules') && <ViewBoundary session={loaded.session} lang={lang}><RuleEditorPage session={loaded.session} lang={lang} active={view === 'rules'} /></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-lifecycles" aria-labelledby="tab-lifecycles" hidden={view !== 'lifecycles'}>
            {opened.has('lifecycles') && <ViewBoundary session={loaded.session} lang={lang}><LifecycleEditorPage session={loaded.session} lang={lang} active={view === 'lifecycles'} /></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={view !== 'check'}>
            {opened.has('check') && <ViewBoundary session={loaded.session} lang={lang}><CheckView session={loaded.session} lang={lang} /></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-diff" aria-labelledby="tab-diff" hidden={view !== 'diff'}>
            {opened.has('diff') && <ViewBoundary session={loaded.session} lang={lang}><DiffPage lang={lang} session={loaded.session} /></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-simulation" aria-labelledby="tab-simulation" hidden={view !== 'simulation'}>
            {opened.has('simulation') && <ViewBoundary session={loaded.session} lang={lang}><SimulationPage session={loaded.session} lang={lang} active={view === 'simulation'} /></ViewBoundary>}
          </div>
        </>
      )}
      <footer className="muted small">{t(lang, 'disclaimer')}</footer>
    </div>
  );
}

function CheckView({ session, lang }: { session: WorkspaceSession; lang: Lang }) {
  const records = useWorkspaceRecords(session.store);
  const checker = useWorkspaceChecker(records);
  const samples = workspaceSamples(records);
  return <CheckPage workspace={{ checker, positions: docs.positions.positions, provinces: PROVINCES }} samples={samples} lang={lang} />;
}

function CheckPage({ workspace, samples, lang }: { workspace: Workspace; samples: readonly Sample[]; lang: Lang }) {
  const sampleId = useId();
  const first = samples[0]!;
  const [sample, setSample] = useState(first.id);
  const [profile, setProfile] = useState<CadreProfileInput>(first.profile);
  const [nomination, setNomination] = useState<Nomination>(first.nomination);
  const state = useVerdict(workspace.checker, profile, nomination);
  const resetKey = useMemo(() => ({ profile, nomination }), [profile, nomination]);
  const inForce = workspace.checker.rulesetOn(nomination.on);
  const facts = useMemo(() => factsInPlay(inForce?.rules ?? [], nomination.level), [inForce, nomination.level]);

  const pick = (id: string) => {
    const s = samples.find((x) => x.id === id);
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
              {samples.map((s) => <option key={s.id} value={s.id}>{s.profile.fullName} — {s.title[lang]}</option>)}
            </select>
          </div>
        </div>
        <NominationForm nomination={nomination} onChange={setNomination} lang={lang}
          waivable={(workspace.checker.rulesetOn(nomination.on)?.rules ?? []).filter((r) => r.waivable === true).map((r) => ({ id: r.id, title: r.title }))} />
      </div>
      <section className="card result" aria-labelledby="result-heading">
        <h2 id="result-heading">{t(lang, 'result')}{profile.fullName ? `: ${profile.fullName}` : ''}</h2>
        <ErrorBoundary lang={lang} resetKey={resetKey}>
          <VerdictPanel state={state} nomination={nomination} lang={lang} />
        </ErrorBoundary>
      </section>
      <div className="inputs inputs-cadre">
        <CadreForm profile={profile} onChange={setProfile} nominationOn={nomination.on} facts={facts}
          positions={workspace.positions} provinces={workspace.provinces} lang={lang} />
      </div>
    </main>
  );
}
