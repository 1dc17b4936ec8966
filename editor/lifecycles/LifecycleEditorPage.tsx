/**
 * The lifecycle editor: pick the class or the learner lifecycle, change its states and transitions on the canvas
 * or in the inspector, and see the lifecycle diagnostics (the ones `llct lifecycle validate` gives) on the state or
 * arrow they concern as you edit. Every change is a command on the workspace store (undo/redo, autosave).
 */
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import { useCallback, useId, useMemo, useState } from 'react';
import { useUndoShortcuts } from '../shared/useUndoShortcuts.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { useWorkspaceRecords } from '../shared/useWorkspaceRecords.ts';
import { addState } from '../workspace/commands/lifecycleStateCommands.ts';
import { stateNamed, toLifecycle } from '../workspace/lifecycleRecords.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { layoutIdOf, recordsOfType, type RecordId } from '../workspace/records.ts';
import { lifecycleDiagnostics } from './analyseLifecycle.ts';
import { LifecycleCanvas } from './LifecycleCanvas.tsx';
import { lifecycleGraph } from './lifecycleFlow.ts';
import { LifecycleInspector } from './LifecycleInspector.tsx';
import { downloadText } from '../shared/downloadText.ts';
import { formScope } from './specFields.ts';
import { runnableLifecycle } from './run/classRunModel.ts';
import { ClassRunPanel } from './run/ClassRunPanel.tsx';
import { useWorkspaceChecker } from '../shared/useWorkspaceChecker.ts';
import { UndoRedoButtons } from '../shared/UndoRedoButtons.tsx';
import { freeId } from '../workspace/commands/kit.ts';
import { workspaceSamples } from '../workspace/commands/sampleCommands.ts';
import { text } from '../i18n/text.ts';
import '../i18n/lifecycleStrings.ts';
import { LazyView } from '../shared/LazyView.tsx';
import { lazyView } from '../shared/lazyView.ts';

const PublishSection = lazyView(() => import('../publish/PublishSection.tsx'), 'PublishSection');

const NO_POSITIONS = Object.freeze({});

/** A free state name `trang-thai-moi`, `trang-thai-moi-2`… */
const freeStateName = (taken: (name: string) => boolean): string => freeId('trang-thai-moi', taken);

export function LifecycleEditorPage({ session, lang, active }: { session: WorkspaceSession; lang: Lang; active: boolean }) {
  const { store } = session;
  const records = useWorkspaceRecords(store);
  const lifecycles = recordsOfType(records, 'lifecycle');
  const [chosen, setChosen] = useState<RecordId>('lifecycle:class-default');
  const recordId = records.get(chosen)?.type === 'lifecycle' ? chosen : lifecycles[0]?.id;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Label | undefined>();
  const [runState, setRunState] = useState<string | null>(null);
  const selectId = useId();

  const apply = useCallback((command: Command) => {
    const r = store.apply(command);
    setRefusal(r.ok ? undefined : r.reason);
    return r;
  }, [store]);

  // Undo here acts on the lifecycle shown (a rename that follows into the other lifecycle names both).
  const undoScope = useMemo(() => new Set(recordId ? [recordId] : []), [recordId]);
  useUndoShortcuts(store, active, undoScope);

  const record = recordId ? records.get(recordId) : undefined;
  const doc = record?.type === 'lifecycle' ? toLifecycle(records, record.id).doc : undefined;
  const layout = recordId ? records.get(layoutIdOf(recordId)) : undefined;
  const positions = layout?.type === 'layout' ? layout.positions : NO_POSITIONS;
  const diagnostics = useMemo(() => (recordId ? lifecycleDiagnostics(records, recordId) : []), [records, recordId]);
  const graph = useMemo(() => (doc && recordId ? lifecycleGraph(records, recordId, { lang, positions, diagnostics }) : undefined), [doc, records, recordId, lang, positions, diagnostics]);
  // The run uses the workspace's rulesets for eligibility (the same checker as the check tab) and its lifecycles.
  const checker = useWorkspaceChecker(records);
  const runnable = useMemo(() => (recordId ? runnableLifecycle(records, recordId, (p, n) => checker.checkSync(p, n)) : { ok: false as const, diagnostics: [] }), [records, recordId, checker]);
  const samples = workspaceSamples(records);
  const learnerRecord = doc?.subject === 'class' ? lifecycles.find((l) => l.meta.id === doc.learnerLifecycle) : undefined;
  const learnerDoc = learnerRecord ? toLifecycle(records, learnerRecord.id).doc : undefined;
  const scope = useMemo(() => (doc ? formScope(doc, learnerDoc, lang) : undefined), [doc, learnerDoc, lang]);
  const eventForNewArrow = useCallback((from: RecordId) => {
    // The first event the state does not answer yet (else the first event): the inspector then lets it be changed.
    const events = doc && typeof doc.events === 'object' && doc.events !== null ? Object.keys(doc.events) : [];
    const answered = new Set(graph?.states.find((s) => s.id === from) ? [...graph.pairs.filter((p) => p.from === from).flatMap((p) => p.transitions), ...graph.states.find((s) => s.id === from)!.internal].map((t) => t.event) : []);
    return events.find((e) => !answered.has(e)) ?? events[0];
  }, [doc, graph]);
  if (!recordId || !doc || !graph || !scope) return <main className="lifecycle-editor" data-testid="lifecycle-editor"><p className="muted">—</p></main>;
  const title = typeof doc.title === 'object' && doc.title !== null ? String((doc.title as Record<string, unknown>)[lang] ?? doc.id) : String(doc.id);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;

  const addNewState = () => {
    const head = records.get(recordId);
    const name = freeStateName((n) => head?.type === 'lifecycle' && stateNamed(records, head, n) !== undefined);
    const r = apply(addState(recordId, name, { vi: text('vi', 'lifecycle.newStateLabel'), en: text('en', 'lifecycle.newStateLabel') }));
    const added = r.ok ? [...r.diff].find(([, [before, after]]) => before === undefined && after?.type === 'state')?.[0] : undefined;
    if (added) setSelectedId(added);
  };

  return (
    <main className="lifecycle-editor" data-testid="lifecycle-editor" data-lifecycle={recordId}>
      <div className="editor-toolbar card" role="toolbar" aria-label={text(lang, 'lifecycle.toolbar')}>
        <div className="field">
          <label htmlFor={selectId}>{text(lang, 'lifecycle.lifecycle')}</label>
          <select id={selectId} data-testid="lifecycle-select" value={recordId} onChange={(e) => { setChosen(e.target.value); setSelectedId(null); }}>
            {lifecycles.map((l) => <option key={l.id} value={l.id}>{String((l.meta.title as Record<string, unknown> | undefined)?.[lang] ?? l.meta.id)} ({String(l.meta.id)})</option>)}
          </select>
        </div>
        <UndoRedoButtons store={store} scope={undoScope} lang={lang} testIds={{ undo: 'lifecycle-undo', redo: 'lifecycle-redo' }} />
        <button type="button" data-testid="add-state" onClick={addNewState}>+ {text(lang, 'lifecycle.addState')}</button>
        <button type="button" data-testid="export-lifecycle" title={text(lang, 'lifecycle.exportHint')}
          onClick={() => downloadText(`${JSON.stringify(doc, null, 2)}\n`, `${String(doc.id)}.lifecycle.json`, 'application/json')}>{text(lang, 'lifecycle.export')}</button>
        <span className={`lc-summary ${errors ? 'has-error' : ''}`} data-testid="lifecycle-summary" data-errors={errors} data-warnings={warnings}>
          {text(lang, 'lifecycle.diagnostics')}: {errors} ✗ · {warnings} ⚠
        </span>
      </div>
      {refusal && <div className="alert alert-warning" role="alert" data-testid="lifecycle-refusal">{text(lang, 'lifecycle.refused')}: {refusal[lang]} <button type="button" className="link" onClick={() => setRefusal(undefined)}>{text(lang, 'lifecycle.close')}</button></div>}
      <section className="card publish-card"><LazyView lang={lang}><PublishSection records={records} documentId={recordId} lang={lang} onCommand={apply} heading /></LazyView></section>
      <div className="editor-main">
        <section className="canvas-card card" aria-label={text(lang, 'lifecycle.canvas', { title })}>
          <LifecycleCanvas recordId={recordId} title={title} graph={graph} lang={lang} selectedId={selectedId} onSelect={setSelectedId} onCommand={apply}
            currentState={doc.subject === 'class' ? graph.states.find((s) => s.name === runState)?.id ?? null : null} eventForNewArrow={eventForNewArrow} />
          <p className="muted small">{text(lang, 'lifecycle.shortcuts')}</p>
        </section>
        <LifecycleInspector recordId={recordId} records={records} doc={doc} graph={graph} diagnostics={diagnostics} selectedId={selectedId} onSelect={setSelectedId} onCommand={apply} lang={lang} scope={scope} />
      </div>
      <ClassRunPanel lc={runnable.ok ? runnable.lc : undefined} blocked={runnable.ok ? undefined : runnable.diagnostics.filter((d) => d.severity === 'error').map((d) => messageIn(d, lang)).join(' ')}
        samples={samples} lang={lang} onState={setRunState} />
    </main>
  );
}
