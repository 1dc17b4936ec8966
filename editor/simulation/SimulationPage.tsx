/**
 * The Simulation view (#simulation): a workspace plan edited in tables (classes, quotas, parameters) with its
 * diagnostics on the cells, undo/redo and autosave from the workspace store; then the run form, the run in a Web
 * Worker and its results, alone or compared with a scenario B. Keyboard shortcuts only while the view is active.
 */
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import { useCallback, useId, useMemo, useState } from 'react';
import { useUndoShortcuts } from '../shared/useUndoShortcuts.ts';
import { shippedJson } from '../shipped/shippedJson.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { useWorkspaceRecords } from '../shared/useWorkspaceRecords.ts';
import { freeId, isObject, type Json } from '../workspace/commands/kit.ts';
import { addClass, putPlan } from '../workspace/commands/planCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { planRecordId, recordsOfType, type RecordId } from '../workspace/records.ts';
import { workspaceRulesetIds } from './buildSimulationRequest.ts';
import { rulesetsByDate } from '../workspace/analyseRuleset.ts';
import { checkPlanRecords, diagnosticsAt } from './checkPlanDocument.ts';
import { planClasses, toPlan } from '../workspace/planRecords.ts';
import { ParameterTable } from './ParameterTable.tsx';
import { PlanClassTable } from './PlanClassTable.tsx';
import { QuotaTable } from './QuotaTable.tsx';
import { RunPanel } from './RunPanel.tsx';
import { workspaceLifecycles } from './workspaceLifecycles.ts';
import { UndoRedoButtons } from '../shared/UndoRedoButtons.tsx';
import { LazyView } from '../shared/LazyView.tsx';
import { lazyView } from '../shared/lazyView.ts';
import './simulation.css';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

const CalibrationPanel = lazyView(() => import('./CalibrationPanel.tsx'), 'CalibrationPanel');
const PublishSection = lazyView(() => import('../publish/PublishSection.tsx'), 'PublishSection');

export function SimulationPage({ session, lang, active }: { session: WorkspaceSession; lang: Lang; active: boolean }) {
  const { store } = session;
  const records = useWorkspaceRecords(store);
  const plans = recordsOfType(records, 'plan');
  const [chosen, setChosen] = useState<RecordId>(planRecordId('ha-noi-2024'));
  const recordId = records.get(chosen)?.type === 'plan' ? chosen : plans[0]?.id;
  const [selected, setSelected] = useState<RecordId | undefined>();
  const [refusal, setRefusal] = useState<Label | undefined>();
  const [calibrating, setCalibrating] = useState(false);
  const selectId = useId();

  const apply = useCallback((command: Command) => {
    const r = store.apply(command);
    setRefusal(r.ok ? undefined : r.reason);
    return r;
  }, [store]);

  // Undo here acts on the plan shown only: a step on another document is never undone out of sight.
  const scope = useMemo(() => new Set(recordId ? [recordId] : []), [recordId]);
  useUndoShortcuts(store, active, scope);

  const record = recordId ? records.get(recordId) : undefined;
  const head = record?.type === 'plan' ? record : undefined;
  const built = head ? toPlan(records, head.id) : undefined;
  const doc = built?.plan;
  const rulesetIds = useMemo(() => workspaceRulesetIds(records), [records]);
  const lifecycles = useMemo(() => workspaceLifecycles(records), [records]);
  const classLifecycle = lifecycles.ok ? lifecycles.classLifecycle : undefined;
  const byDate = useMemo(() => rulesetsByDate(records), [records]);
  const checked = useMemo(() => (built ? checkPlanRecords(built, rulesetIds, classLifecycle, byDate) : undefined), [built, rulesetIds, classLifecycle, byDate]);

  if (!recordId || !head || !doc || !checked) {
    return (
      <main className="simulation" data-testid="simulation">
        <div className="card"><p>{text(lang, 'simulation.noPlan')}</p>
          <button type="button" onClick={() => { const { plan } = shippedJson(); apply(putPlan(planRecordId(plan.id), structuredClone(plan) as Json)); }}>{text(lang, 'simulation.addHanoiPlan')}</button></div>
      </main>
    );
  }
  const classes = planClasses(records, head);
  const agencies = Array.isArray(doc.agencies) ? doc.agencies.filter(isObject) : [];
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = checked.diagnostics.filter((d) => d.severity === 'warning').length;
  const others = checked.diagnostics.filter((d) => d.segments[0] !== 'classes' && d.segments[0] !== 'parameters');
  const title = isObject(doc.title) ? String(doc.title[lang] ?? doc.id) : String(doc.id);
  const sel = classes.find((c) => c.id === selected);

  const saveCopy = () => {
    const id = freeId(`${String(doc.id)}-ban-sao`, (x) => records.has(planRecordId(x)));
    const copy = { ...structuredClone(doc), id, title: { vi: text('vi', 'simulation.copyTitle', { title: isObject(doc.title) ? String(doc.title.vi) : id }), en: text('en', 'simulation.copyTitle', { title: isObject(doc.title) ? String(doc.title.en) : id }) } };
    const r = store.apply(putPlan(planRecordId(id), copy));
    if (r.ok) setChosen(planRecordId(id)); else setRefusal(r.reason);
  };

  return (
    <main className="simulation" data-testid="simulation" data-plan={recordId}>
      <div className="editor-toolbar card" role="toolbar" aria-label={text(lang, 'simulation.toolbar')}>
        <div className="field">
          <label htmlFor={selectId}>{text(lang, 'simulation.plan')}</label>
          <select id={selectId} data-testid="plan-select" value={recordId} onChange={(e) => { setChosen(e.target.value); setSelected(undefined); }}>
            {plans.map((p) => <option key={p.id} value={p.id}>{isObject(p.meta.title) ? String(p.meta.title[lang] ?? p.meta.id) : String(p.meta.id)}</option>)}
          </select>
        </div>
        <UndoRedoButtons store={store} scope={scope} lang={lang} testIds={{ undo: 'plan-undo', redo: 'plan-redo' }} />
        <button type="button" data-testid="plan-copy" onClick={saveCopy}>{text(lang, 'simulation.saveCopy')}</button>
        <span className={`lc-summary ${errors ? 'has-error' : ''}`} data-testid="plan-summary" data-errors={errors} data-warnings={warnings}>
          {text(lang, 'simulation.diagnostics')}: {errors} ✗ · {warnings} ⚠
        </span>
      </div>
      <p className="muted small">{text(lang, 'simulation.shortcuts')}</p>
      {refusal && <div className="alert alert-warning" role="alert" data-testid="plan-refusal">{text(lang, 'simulation.refused')}: {refusal[lang]} <button type="button" className="link" onClick={() => setRefusal(undefined)}>{text(lang, 'simulation.close')}</button></div>}
      <section className="card sim-section"><LazyView lang={lang}><PublishSection records={records} documentId={recordId} lang={lang} onCommand={apply} heading /></LazyView></section>
      {others.length > 0 && <ul className="card plan-messages" data-testid="plan-messages">{others.map((d, k) => <li key={k} className={`diag-${d.severity}`}>{messageIn(d, lang)}</li>)}</ul>}
      <section className="card sim-section" aria-labelledby={`${selectId}-classes`}>
        <h2 id={`${selectId}-classes`}>{text(lang, 'simulation.classes')}: {title}</h2>
        <p className="muted small">{text(lang, 'simulation.classesHint')}</p>
        <PlanClassTable classes={classes} diagnostics={checked.diagnostics} lang={lang} selected={sel?.id} onSelect={setSelected} onCommand={apply} />
        <button type="button" data-testid="add-class" onClick={() => apply(addClass(recordId, { vi: text('vi', 'simulation.newClass'), en: text('en', 'simulation.newClass') }))}>+ {text(lang, 'simulation.addClass')}</button>
      </section>
      {sel !== undefined && <QuotaTable cls={sel} row={classes.indexOf(sel)} agencies={agencies} diagnostics={checked.diagnostics} lang={lang} onCommand={apply} />}
      <details className="card sim-section" data-testid="parameters-section">
        <summary><h2 className="inline-heading">{text(lang, 'simulation.parameters')}</h2> <span className="muted small">{text(lang, 'simulation.parametersHint')}</span>
          {diagnosticsAt(checked.diagnostics, ['parameters']).length > 0 && <span className="diag-error"> ✗</span>}</summary>
        <ParameterTable recordId={recordId} parameters={isObject(doc.parameters) ? doc.parameters : {}} diagnostics={checked.diagnostics} lang={lang} onCommand={apply} />
      </details>
      <details className="card sim-section" data-testid="calibration-section" onToggle={(e) => { if (e.currentTarget.open) setCalibrating(true); }}>
        <summary><h2 className="inline-heading">{text(lang, 'simulation.calibration')}</h2></summary>
        {calibrating && <LazyView lang={lang}><CalibrationPanel key={recordId} records={records} planId={recordId} planDoc={doc} plan={checked.plan} lang={lang} onCommand={apply} /></LazyView>}
      </details>
      <RunPanel records={records} planId={recordId} lang={lang} />
    </main>
  );
}
