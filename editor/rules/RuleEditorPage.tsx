/**
 * The rule editor: pick a workspace ruleset, find a rule, change it on the canvas or in the inspector, and see at
 * once its diagnostics, its golden cases and the verdict of a test cadre, with every condition lit. Every change
 * is a command on the workspace store (undo/redo), autosaved to the browser.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { builtinDocuments, builtinOutlines } from '../shipped/builtin.ts';
import { buildCoverage } from '../../engine/coverage/buildCoverage.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { formatCitation } from '../../engine/documents/ruleset.ts';
import type { Lang } from '../i18n/strings.ts';
import { ViewTabs } from '../ViewTabs.tsx';
import type { Catalogues } from '../workspace/analyseRuleset.ts';
import { addGoldenCase } from '../workspace/commands/goldenCommands.ts';
import { addRule } from '../workspace/commands/ruleCommands.ts';
import { saveSample, workspaceSamples } from '../workspace/commands/sampleCommands.ts';
import type { Rule } from '../../engine/documents/ruleset.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { recordsOfType, SAMPLES_RECORD_ID, type RecordId } from '../workspace/records.ts';
import { UndoRedoButtons } from '../shared/UndoRedoButtons.tsx';
import { toRuleset } from '../workspace/rulesetRecords.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { searchRules } from './searchRules.ts';
import { actionForKey, selectionActions } from './selectionActions.ts';
import { FIRST_BENCH, type BenchInput } from './benchInput.ts';
import { useRulesetAnalysis } from './useRulesetAnalysis.ts';
import { useWorkspaceRecords } from '../shared/useWorkspaceRecords.ts';
import { WorkspaceFiles } from './WorkspaceFiles.tsx';
import './rules.css';
import { text } from '../i18n/text.ts';

type Panel = 'bench' | 'golden' | 'coverage' | 'diagnostics' | 'versions';

/** The panels behind the first one load when first opened: the first tab's script carries the test bench only. */
/**
 * The canvas (React Flow and its d3 helpers, about 200 kB) is off the tab's critical path: its chunk starts loading
 * when this module is evaluated, in parallel with the workspace read, and the tab paints its header, inspector and
 * test bench without waiting for it.
 */
const rulesCanvasModule = import('./canvas/RulesCanvas.tsx');
const RulesCanvas = lazy(() => rulesCanvasModule.then((m) => ({ default: m.RulesCanvas })));
// A chunk that fails to load fails where it renders (the view's error boundary), not as an unhandled rejection here.
rulesCanvasModule.catch(() => {});
/** The test bench's forms and verdict panel (shared with the check tab), off the critical path in the same way. */
const testBenchModule = import('./TestBench.tsx');
const TestBench = lazy(() => testBenchModule.then((m) => ({ default: m.TestBench })));
testBenchModule.catch(() => {});
/** The difference from the shipped ruleset (and its structural diff code) shows only for an edited shipped ruleset. */
const ShippedDifference = lazy(() => import('./ShippedDifference.tsx').then((m) => ({ default: m.ShippedDifference })));
const GoldenPanel = lazy(() => import('./GoldenPanel.tsx').then((m) => ({ default: m.GoldenPanel })));
const CoveragePanel = lazy(() => import('./CoveragePanel.tsx').then((m) => ({ default: m.CoveragePanel })));
const DiagnosticsPanel = lazy(() => import('./DiagnosticsPanel.tsx').then((m) => ({ default: m.DiagnosticsPanel })));
const VersionsPanel = lazy(() => import('./VersionsPanel.tsx').then((m) => ({ default: m.VersionsPanel })));
const OverlayView = lazy(() => import('./overlay/OverlayView.tsx').then((m) => ({ default: m.OverlayView })));

const docs = builtinDocuments();
const CATALOGUES: Catalogues = { positions: docs.positions, institutions: docs.institutions };
const POSITION_NAMES = new Map(docs.positions.positions.map((p) => [p.code, p.name]));
const positionName = (code: string): Label | undefined => POSITION_NAMES.get(code);
/** The shipped regulation outlines, by ruleset id: the coverage panel's provisions. */
const OUTLINES = new Map(builtinOutlines().map((o) => [o.ruleset, o]));
const PROVINCES = [...docs.institutions.provinces].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

/** A new rule to fill in: marked assumed until its source is written, with one condition to change. */
function newRuleTemplate(lang: Lang): Rule {
  return {
    id: 'quy-tac-moi', level: 'intermediate', kind: 'standard',
    title: { vi: 'Quy tắc mới', en: 'New rule' }, citation: { article: 1 }, confidence: 'assumed',
    source: text(lang, 'rules.newRuleSource'),
    conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 0 }] },
    message: { vi: 'Chưa đạt quy tắc mới ({age} tuổi).', en: 'The new rule is not met (age {age}).' },
  };
}

/** After choosing from a list that then closes (search results), the keyboard continues in the inspector. */
const focusInspector = () => requestAnimationFrame(() => document.getElementById('inspector-heading')?.focus());

const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** `active`: the page is the one shown (its keyboard shortcuts listen only then). */
export function RuleEditorPage({ session, lang, active = true }: { session: WorkspaceSession; lang: Lang; active?: boolean }) {
  const { store } = session;
  const records = useWorkspaceRecords(store);
  const rulesets = recordsOfType(records, 'ruleset');
  const [chosen, setChosen] = useState<RecordId>('ruleset:57-qd-tw');
  const rulesetId = records.get(chosen)?.type === 'ruleset' ? chosen : rulesets[0]!.id;
  // An overlay chosen in the same list is shown over its base, read-only (overlay/OverlayView.tsx).
  const overlayId = records.get(chosen)?.type === 'overlay' ? chosen : undefined;
  // Undo here acts on the ruleset shown (its rules, layout, golden cases, versions), the sample cadres the bench saves
  // and rulesets and overlays deleted here (shown nowhere else; undoing the deletion brings back the one that was shown).
  const scope = useMemo(() => {
    const { undo, redo } = store.history.stacks();
    const deleted = [...undo, ...redo].flatMap((e) => e.documents).filter((d) => (d.startsWith('ruleset:') || d.startsWith('overlay:')) && !records.has(d));
    return new Set([overlayId ?? rulesetId, SAMPLES_RECORD_ID, ...deleted]);
  }, [rulesetId, overlayId, records, store]);
  const [selectedId, setSelectedId] = useState<RecordId | null>(null);
  const [search, setSearch] = useState('');
  const [panel, setPanel] = useState<Panel>('bench');
  const [bench, setBench] = useState<BenchInput>(FIRST_BENCH);
  const [light, setLight] = useState(true);
  const [refusal, setRefusal] = useState<Label | undefined>();
  /** The provision chosen in the coverage panel and the records of its rules (view state, never undone). */
  const [pick, setPick] = useState<{ key: string; rules: RecordId[] } | null>(null);
  const rulesetSelectId = useId();
  const searchId = useId();

  const apply = useCallback((command: Command) => {
    const r = store.apply(command);
    setRefusal(r.ok ? undefined : r.reason);
    return r;
  }, [store]);

  const addNewRule = () => {
    const r = apply(addRule(rulesetId, newRuleTemplate(lang)));
    if (!r.ok) return;
    const created = [...r.diff].find(([, [before, after]]) => before === undefined && after?.type === 'rule');
    if (created) setSelectedId(created[0]);
  };

  const analysis = useRulesetAnalysis(records, rulesetId, CATALOGUES, bench, light, lang, positionName);
  const built = toRuleset(records, rulesetId);
  const rulesetRecord = records.get(rulesetId);
  const hits = useMemo(() => searchRules(records, rulesetId, search, lang), [records, rulesetId, search, lang]);
  const errorCount = analysis.diagnostics.all.filter((d) => d.severity === 'error').length;
  const warningCount = analysis.diagnostics.all.filter((d) => d.severity === 'warning').length;

  // Undo/redo and the selection's shortcuts, from anywhere on the page (the view is the editor's).
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') { e.preventDefault(); if (e.shiftKey) store.redo(scope); else store.undo(scope); return; }
      if (mod && key === 'y') { e.preventDefault(); store.redo(scope); return; }
      if (isTyping(e.target)) return;
      const action = actionForKey(selectionActions(store.records(), selectedId), e);
      if (action) { e.preventDefault(); apply(action.command); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, selectedId, apply, active, scope]);

  const selectRuleById = (ruleDocId: string) => {
    const rule = recordsOfType(records, 'rule').find((r) => r.ruleset === rulesetId && r.data.id === ruleDocId);
    if (rule) setSelectedId(rule.id);
  };
  const selectedRule = selectedId ? (() => {
    const r = records.get(selectedId);
    const rule = r?.type === 'rule' ? r : r?.type === 'cond' ? records.get(r.rule) : undefined;
    return rule?.type === 'rule' ? rule : undefined;
  })() : undefined;
  const citationHint = selectedRule ? formatCitation(built.ruleset.regulation.code, selectedRule.data.citation) : built.ruleset.regulation.code;
  const goldenRecordId = `golden:${built.ruleset.id}`;

  // The coverage map of the ruleset as it is now: follows every edit, and the golden cases when they re-run.
  const outline = OUTLINES.get(built.ruleset.id);
  const coverage = useMemo(() => (outline ? buildCoverage({ ruleset: built.ruleset, outline, golden: analysis.golden ? [analysis.golden] : [] }) : undefined),
    [outline, built.ruleset, analysis.golden]);
  const ruleRecordOf = (ruleDocId: string) => recordsOfType(records, 'rule').find((r) => r.ruleset === rulesetId && r.data.id === ruleDocId)?.id;
  const pickProvision = (key: string) => {
    const ruleIds = coverage?.provisions.find((p) => p.provision.key === key)?.rules ?? [];
    const recordIds = ruleIds.flatMap((id) => ruleRecordOf(id) ?? []);
    setPick({ key, rules: recordIds });
    if (recordIds[0]) setSelectedId(recordIds[0]);
  };
  // A provision's rules stay selected together while the selection is one of them (choosing anything else ends it).
  const pickedRules = pick?.rules;
  const alsoSelected = useMemo(() => (pickedRules && selectedId && pickedRules.includes(selectedId) ? new Set(pickedRules) : undefined), [pickedRules, selectedId]);

  return (
    <main className="rule-editor" data-testid="rule-editor" data-ruleset={rulesetId}>
      <div className="editor-toolbar card" role="toolbar" aria-label={text(lang, 'rules.toolbar')}
        onKeyDown={(e: ReactKeyboardEvent) => { if (e.key === 'Escape') setSearch(''); }}>
        <div className="field">
          <label htmlFor={rulesetSelectId}>{text(lang, 'rules.ruleset')}</label>
          <select id={rulesetSelectId} data-testid="ruleset-select" value={overlayId ?? rulesetId} onChange={(e) => { setChosen(e.target.value); setSelectedId(null); }}>
            {rulesets.map((r) => <option key={r.id} value={r.id}>{r.origin === 'imported' ? text(lang, 'rules.importedSuffix', { name: `${r.meta.regulation.code} — ${r.meta.id}` }) : `${r.meta.regulation.code} — ${r.meta.id}`}</option>)}
            {recordsOfType(records, 'overlay').map((o) => <option key={o.id} value={o.id}>{text(lang, 'overlay.option', { name: String(o.doc.id) })}</option>)}
          </select>
        </div>
        {overlayId === undefined && <button type="button" data-testid="ruleset-info" onClick={() => { setSelectedId(rulesetId); focusInspector(); }}>{text(lang, 'rules.rulesetDetails')}</button>}
        <UndoRedoButtons store={store} scope={scope} lang={lang} testIds={{ undo: 'undo', redo: 'redo' }} />
        {overlayId === undefined && <button type="button" data-testid="add-rule" onClick={addNewRule}>+ {text(lang, 'rules.addRule')}</button>}
        <div className="field search">
          <label htmlFor={searchId}>{text(lang, 'rules.search')}</label>
          <input id={searchId} type="search" data-testid="rule-search" value={search} placeholder={text(lang, 'rules.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)}
            aria-controls={`${searchId}-results`} />
          {search.trim() !== '' && (
            <ul id={`${searchId}-results`} className="search-results" aria-label={text(lang, 'rules.searchResults')} data-testid="search-results">
              {hits.length === 0 ? <li className="muted">{text(lang, 'rules.noResults')}</li> : hits.map((h) => (
                <li key={h.id}>
                  <button type="button" data-testid="search-hit" data-node-id={h.id} data-kind={h.kind} data-rule={h.ruleId}
                    onClick={() => { setSelectedId(h.id); setSearch(''); focusInspector(); }}>{h.text}</button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <WorkspaceFiles session={session} rulesetId={rulesetId} catalogues={CATALOGUES} lang={lang} errorCount={errorCount}
          onImportedRuleset={(id) => { setChosen(id); setSelectedId(null); }} />
      </div>
      {rulesetRecord?.type === 'ruleset' && <Suspense fallback={null}><ShippedDifference record={rulesetRecord} ruleset={built.ruleset} lang={lang} onCommand={apply} /></Suspense>}
      {refusal && <div className="alert alert-warning" role="alert" data-testid="refusal">{text(lang, 'rules.refused')}: {refusal[lang]} <button type="button" className="link" onClick={() => setRefusal(undefined)}>{text(lang, 'rules.close')}</button></div>}
      {overlayId !== undefined && (
        <Suspense fallback={<p className="muted" role="status">{text(lang, 'page.viewLoading')}</p>}>
          <OverlayView records={records} overlayId={overlayId} catalogues={CATALOGUES} lang={lang} onCommand={apply} onRemoved={() => setChosen(rulesetId)} />
        </Suspense>
      )}
      {overlayId === undefined && <>
      <div className="editor-main">
        <section className="canvas-card card" aria-label={text(lang, 'rules.canvasOf', { code: built.ruleset.regulation.code })}>
          <Suspense fallback={<div className="canvas-loading muted" role="status" data-testid="canvas-loading">{text(lang, 'rules.canvasLoading')}</div>}>
            <RulesCanvas records={records} rulesetId={rulesetId} lang={lang} selectedId={selectedId} alsoSelected={alsoSelected} onSelect={setSelectedId}
              diagnosticsByNode={analysis.diagnostics.byNode} trace={analysis.trace} search={search} positionName={positionName} onCommand={apply} />
          </Suspense>
          <p className="muted small">{text(lang, 'rules.shortcuts')}</p>
        </section>
        <Inspector records={records} selectedId={selectedId} onSelect={setSelectedId} onCommand={apply} diagnosticsByNode={analysis.diagnostics.byNode}
          trace={analysis.trace} positions={docs.positions.positions} institutions={[...docs.institutions.institutions, ...docs.institutions.provinces.map((p) => p.school)]}
          positionName={positionName} lang={lang} />
      </div>
      <ViewTabs label={text(lang, 'rules.panels')} value={panel} onChange={setPanel} idPrefix="rules-panel" tabs={[
        { id: 'bench', label: text(lang, 'rules.bench') },
        { id: 'golden', label: `${text(lang, 'rules.golden')}${analysis.golden ? ` (${analysis.golden.failed > 0 ? `${analysis.golden.failed} ✗` : '✓'})` : ''}` },
        { id: 'coverage', label: text(lang, 'coverage.tab') },
        { id: 'diagnostics', label: `${text(lang, 'rules.diagnostics')} (${errorCount}/${warningCount})` },
        { id: 'versions', label: text(lang, 'rules.versions') },
      ]} />
      <div className="card panel" role="tabpanel" id={`rules-panel-panel-${panel}`} aria-labelledby={`rules-panel-tab-${panel}`}>
        <Suspense fallback={<p className="muted" role="status">{text(lang, 'page.viewLoading')}</p>}>
        {panel === 'bench' && (
          <>
            <label className="inline-check"><input type="checkbox" data-testid="bench-light" checked={light} onChange={(e) => setLight(e.target.checked)} /> {text(lang, 'rules.benchOff')}</label>
            <TestBench input={bench} onInput={setBench} state={analysis.bench} positions={docs.positions.positions} provinces={PROVINCES} lang={lang}
              waivable={built.ruleset.rules.filter((r) => r.waivable === true).map((r) => ({ id: r.id, title: r.title }))} rules={built.ruleset.rules}
              citationHint={citationHint} samples={workspaceSamples(records)} onSaveSample={(sample) => apply(saveSample(sample))} onSaveCase={records.get(goldenRecordId)?.type === 'golden' ? (c) => apply(addGoldenCase(goldenRecordId, c)) : undefined} />
          </>
        )}
        {panel === 'golden' && <GoldenPanel report={analysis.golden} lang={lang} onSelectRule={selectRuleById} />}
        {panel === 'coverage' && (
          <CoveragePanel coverage={coverage} outline={outline} rulesetId={built.ruleset.id} lang={lang} pickedKey={pick?.key}
            selectedRule={selectedRule?.data.id} onPickProvision={pickProvision} onSelectRule={selectRuleById} />
        )}
        {panel === 'diagnostics' && <DiagnosticsPanel byNode={analysis.diagnostics.byNode} lang={lang} onSelect={setSelectedId} />}
        {panel === 'versions' && <VersionsPanel records={records} rulesetId={rulesetId} catalogues={CATALOGUES} lang={lang} onCommand={apply} positionName={positionName} />}
        </Suspense>
      </div>
      </>}
    </main>
  );
}
