/**
 * LLCT Studio in the browser: the rule and lifecycle editors on the workspace (autosaved in IndexedDB), the eligibility check of
 * one cadre, the comparison of a list and the simulation of a training plan — all read the workspace, so an edit shows in them at once. The rulesets
 * are evaluated in the browser by the same engine the CLI uses.
 */
import { useEffect, useState } from 'react';
import type { Lang } from './i18n/strings.ts';
import { SaveAlerts, SaveStatus } from './shared/SaveStatus.tsx';
import { ViewTabs } from './ViewTabs.tsx';
import { LazyView } from './shared/LazyView.tsx';
import { ViewBoundary } from './shared/ViewBoundary.tsx';
import { WorkspaceSetAside } from './shared/WorkspaceSetAside.tsx';
import type { WorkspaceSession } from './workspace/createWorkspaceSession.ts';
import { lazyView } from './shared/lazyView.ts';
import { OTHER_LANG, text } from './i18n/text.ts';

export type Loaded = { ok: true; session: WorkspaceSession } | { ok: false; error: string };

type View = 'rules' | 'lifecycles' | 'check' | 'diff' | 'simulation';
const VIEWS: readonly View[] = ['rules', 'lifecycles', 'check', 'diff', 'simulation'];

/** The view named by the address (`#check`), the rule editor by default. */
function viewFromHash(): View {
  const v = window.location.hash.slice(1) as View;
  return VIEWS.includes(v) ? v : 'rules';
}

/**
 * Each view is its own chunk, fetched the first time its tab opens: the page's entry holds the workspace, the tabs and
 * the string tables, and React Flow, dagre, Chart.js and each view's code load with the tabs that use them.
 */
const RuleEditorPage = lazyView(() => import('./rules/RuleEditorPage.tsx'), 'RuleEditorPage');
const LifecycleEditorPage = lazyView(() => import('./lifecycles/LifecycleEditorPage.tsx'), 'LifecycleEditorPage');
const CheckView = lazyView(() => import('./check/CheckView.tsx'), 'CheckView');
const DiffPage = lazyView(() => import('./diff/DiffPage.tsx'), 'DiffPage');
const SimulationPage = lazyView(() => import('./simulation/SimulationPage.tsx'), 'SimulationPage');

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
    document.title = `LLCT Studio — ${text(lang, 'page.appTitle')}`;
  }, [lang]);

  return (
    <div className="page">
      <header className="topbar">
        <div>
          <div className="brand">LLCT Studio</div>
          <h1>{text(lang, 'page.appTitle')}</h1>
          <p className="muted">{text(lang, 'page.appSubtitle')}</p>
        </div>
        <div className="topbar-side">
          <button type="button" className="lang-toggle" data-testid="lang-toggle" aria-label={text(lang, 'page.switchLanguageLabel')}
            onClick={() => setLang(OTHER_LANG[lang])}>
            {text(lang, 'page.switchLanguage')}
          </button>
          {loaded.ok && <SaveStatus session={loaded.session} lang={lang} />}
        </div>
      </header>
      {loaded.ok && <SaveAlerts session={loaded.session} lang={lang} />}
      {loaded.ok && <WorkspaceSetAside session={loaded.session} lang={lang} />}
      <ViewTabs label={text(lang, 'page.views')} value={view} onChange={show}
        tabs={[
          { id: 'rules', label: text(lang, 'rules.viewRules') }, { id: 'lifecycles', label: text(lang, 'page.viewLifecycles') },
          { id: 'check', label: text(lang, 'page.viewCheck') }, { id: 'diff', label: text(lang, 'page.viewDiff') },
          { id: 'simulation', label: text(lang, 'page.viewSimulation') },
        ]} />
      {!loaded.ok && <div className="alert alert-error" role="alert" data-testid="error"><p>{text(lang, 'page.loadError')}</p><code>{loaded.error}</code></div>}
      {loaded.ok && (
        <>
          <div role="tabpanel" id="panel-rules" aria-labelledby="tab-rules" hidden={view !== 'rules'}>
            {opened.has('rules') && <ViewBoundary session={loaded.session} lang={lang}><LazyView lang={lang}><RuleEditorPage session={loaded.session} lang={lang} active={view === 'rules'} /></LazyView></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-lifecycles" aria-labelledby="tab-lifecycles" hidden={view !== 'lifecycles'}>
            {opened.has('lifecycles') && <ViewBoundary session={loaded.session} lang={lang}><LazyView lang={lang}><LifecycleEditorPage session={loaded.session} lang={lang} active={view === 'lifecycles'} /></LazyView></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={view !== 'check'}>
            {opened.has('check') && <ViewBoundary session={loaded.session} lang={lang}><LazyView lang={lang}><CheckView session={loaded.session} lang={lang} /></LazyView></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-diff" aria-labelledby="tab-diff" hidden={view !== 'diff'}>
            {opened.has('diff') && <ViewBoundary session={loaded.session} lang={lang}><LazyView lang={lang}><DiffPage lang={lang} session={loaded.session} /></LazyView></ViewBoundary>}
          </div>
          <div role="tabpanel" id="panel-simulation" aria-labelledby="tab-simulation" hidden={view !== 'simulation'}>
            {opened.has('simulation') && <ViewBoundary session={loaded.session} lang={lang}><LazyView lang={lang}><SimulationPage session={loaded.session} lang={lang} active={view === 'simulation'} /></LazyView></ViewBoundary>}
          </div>
        </>
      )}
      <footer className="muted small">{text(lang, 'page.disclaimer')}</footer>
    </div>
  );
}
