/**
 * The lifecycle inspector: the selected state (id with rename, names, final, initial, delete, its transitions), the
 * selected arrow (the transitions it carries), or, with nothing selected, the document (parameters with their
 * source and `assumed` marks, every diagnostic, and the list of states to select from the keyboard).
 */
import { memo, useId, useState } from 'react';
import { messageIn, hintIn, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { addEvent, setParameterValue, updateEventLabel } from '../workspace/commands/lifecycleCommands.ts';
import { deleteState, renameState, setInitialState, updateState } from '../workspace/commands/lifecycleStateCommands.ts';
import { addTransition, deleteTransition, moveTransition, updateTransition } from '../workspace/commands/lifecycleTransitionCommands.ts';
import type { ApplyResult, Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { isObject, labelOf, type LifecycleGraph, type TransitionView } from './lifecycleFlow.ts';
import type { GuardExpr } from '../../engine/documents/lifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { ActionsForm, type ActionRefValue } from './ActionsForm.tsx';
import { GuardForm } from './GuardForm.tsx';
import { ParameterValueField } from './ParameterValueField.tsx';
import type { FormScope } from './specFields.ts';
import { readSavedRun, savedRunIn } from './run/savedRun.ts';
import { text } from '../i18n/text.ts';
import '../i18n/lifecycleStrings.ts';

type Json = Record<string, unknown>;

export interface LifecycleInspectorProps {
  recordId: RecordId;
  /** The workspace records (the selected state's and transitions' fields are read from their records). */
  records: Records;
  doc: Json;
  graph: LifecycleGraph;
  diagnostics: readonly Diagnostic[];
  /** A state record id, a pair id (`pair:<from>-><to>`) or nothing. */
  selectedId: string | null;
  onSelect(id: string | null): void;
  onCommand(command: Command): ApplyResult;
  lang: Lang;
  /** What the guard and action forms can offer: states, learner events, parameters, date marks. */
  scope: FormScope;
}

function DiagnosticList({ items, lang }: { items: readonly Diagnostic[]; lang: Lang }) {
  if (items.length === 0) return null;
  return (
    <ul className="lc-diagnostics" data-testid="lifecycle-diagnostics">
      {items.map((d, i) => (
        <li key={`${d.code}-${d.path}-${i}`} className={`lc-diagnostic lc-diagnostic--${d.severity}`} data-code={d.code} data-path={d.path}>
          <strong>{d.severity === 'error' ? '✗' : d.severity === 'warning' ? '⚠' : 'ℹ'}</strong> {messageIn(d, lang)}
          {hintIn(d, lang) && <div className="muted small">{hintIn(d, lang)}</div>}
          <div className="muted small"><code>{d.path}</code></div>
        </li>
      ))}
    </ul>
  );
}

const registry = createLifecycleRegistry();

/** The fields of a record (a state's or a transition's), or none. */
const dataOf = (records: Records, id: RecordId): Json => { const r = records.get(id); return r?.type === 'state' || r?.type === 'transition' ? r.data : {}; };

/** The target select's value for a target naming no state (no record id: those have a colon after their kind). */
const MISSING_TARGET = '(missing)';

/** One transition, folded to a line (event → target) unless `open` or it has problems. */
function TransitionEditor({ t, records, doc, graph, onCommand, lang, scope, open }: { t: TransitionView; records: Records; doc: Json; graph: LifecycleGraph; onCommand: LifecycleInspectorProps['onCommand']; lang: Lang; scope: FormScope; open: boolean }) {
  const targetId = useId();
  const eventId = useId();
  const fromId = useId();
  const tr = dataOf(records, t.id);
  const fromName = graph.states.find((s) => s.id === t.from)?.name ?? t.from;
  const problems = graph.byTransition.get(t.id) ?? [];
  // A target naming a state the lifecycle does not have is shown as written, marked (the diagnostics say why).
  const missing = t.target === undefined && t.targetName !== undefined;
  const actions = (Array.isArray(tr.actions) ? tr.actions.filter(isObject) : []) as unknown as ActionRefValue[];
  const specs = registry[scope.subject];
  const events = isObject(doc.events) ? Object.keys(doc.events) : [];
  return (
    <li className="lc-transition" data-testid="transition" data-event={t.event} data-from={fromName} data-target={t.targetName ?? ''}>
      <details open={open || problems.length > 0}>
      <summary>
        <strong>{t.eventLabel}</strong> <code>{t.event}</code> → {t.targetName !== undefined ? <code>{t.targetName}</code> : <span className="muted">{text(lang, 'lifecycle.stays')}</span>}
        {tr.guard !== undefined && <span className="muted small"> · {text(lang, 'lifecycle.guard')}</span>}
        {problems.length > 0 && <span className="lc-badge lc-badge--error" aria-label={`${problems.length} ${text(lang, 'lifecycle.problems')}`}>{problems.length}</span>}
      </summary>
      <div className="field">
        <label htmlFor={fromId}>{text(lang, 'lifecycle.fromState')}</label>
        <select id={fromId} data-testid="transition-from" value={t.from} onChange={(e) => onCommand(moveTransition(t.id, e.target.value))}>
          {graph.states.filter((s) => s.id === t.from || !s.final).map((s) => (
            <option key={s.id} value={s.id}>{s.label} ({s.name})</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={targetId}>{text(lang, 'lifecycle.target')}</label>
        <select id={targetId} data-testid="transition-target" value={t.target ?? (missing ? MISSING_TARGET : '')} onChange={(e) => onCommand(updateTransition(t.id, { target: e.target.value === '' ? null : e.target.value }))}>
          {missing && <option value={MISSING_TARGET} disabled>{t.targetName} ⚠</option>}
          <option value="">{text(lang, 'lifecycle.stays')}</option>
          {graph.states.map((s) => <option key={s.id} value={s.id}>{s.label} ({s.name})</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={eventId}>{text(lang, 'lifecycle.changeEvent')}</label>
        <select id={eventId} data-testid="transition-event" value={t.event} onChange={(e) => onCommand(updateTransition(t.id, { event: e.target.value }))}>
          {!events.includes(t.event) && <option value={t.event}>{t.event} ⚠</option>}
          {events.map((ev) => <option key={ev} value={ev}>{labelOf(isObject(doc.events) ? (doc.events[ev] as Json).label : undefined, lang, ev)} ({ev})</option>)}
        </select>
      </div>
      <GuardForm guard={tr.guard as GuardExpr | undefined} specs={specs.guards} scope={scope} lang={lang}
        onChange={(guard) => onCommand(updateTransition(t.id, { guard: guard ?? null }, 'guard'))} />
      <ActionsForm actions={actions} specs={specs.actions} scope={scope} lang={lang}
        onChange={(list) => onCommand(updateTransition(t.id, { actions: list }, 'actions'))} />
      <DiagnosticList items={problems} lang={lang} />
      <button type="button" className="danger" data-testid="delete-transition" onClick={() => onCommand(deleteTransition(t.id))}>{text(lang, 'lifecycle.deleteTransition')}</button>
      </details>
    </li>
  );
}

function AddTransition({ from, recordId, doc, graph, onCommand, lang }: { from: RecordId; recordId: RecordId; doc: Json; graph: LifecycleGraph; onCommand: LifecycleInspectorProps['onCommand']; lang: Lang }) {
  const events = isObject(doc.events) ? Object.keys(doc.events) : [];
  const [event, setEvent] = useState(events[0] ?? '');
  const [target, setTarget] = useState(graph.states.find((s) => s.id !== from)?.id ?? from);
  const [newEvent, setNewEvent] = useState('');
  const ids = { event: useId(), target: useId(), newEvent: useId() };
  return (
    <fieldset className="lc-add">
      <legend>{text(lang, 'lifecycle.addTransition')}</legend>
      <div className="field">
        <label htmlFor={ids.event}>{text(lang, 'lifecycle.event')}</label>
        <select id={ids.event} data-testid="add-transition-event" value={event} onChange={(e) => setEvent(e.target.value)}>
          {events.map((e) => <option key={e} value={e}>{labelOf(isObject(doc.events) ? (doc.events[e] as Json).label : undefined, lang, e)} ({e})</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.target}>{text(lang, 'lifecycle.target')}</label>
        <select id={ids.target} data-testid="add-transition-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          {graph.states.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <button type="button" data-testid="add-transition" disabled={!event} onClick={() => onCommand(addTransition(from, event, target))}>+ {text(lang, 'lifecycle.addTransition')}</button>
      <div className="field">
        <label htmlFor={ids.newEvent}>{text(lang, 'lifecycle.newEvent')}</label>
        <input id={ids.newEvent} data-testid="new-event" value={newEvent} onChange={(e) => setNewEvent(e.target.value.toUpperCase())} />
      </div>
      <button type="button" data-testid="add-event" disabled={newEvent.trim() === ''} onClick={() => {
        const type = newEvent.trim();
        if (onCommand(addEvent(recordId, type, { vi: type, en: type })).ok) { setEvent(type); setNewEvent(''); }
      }}>+ {text(lang, 'lifecycle.addEvent')}</button>
    </fieldset>
  );
}

function StateInspector({ stateId, ...p }: LifecycleInspectorProps & { stateId: string }) {
  const { recordId, records, doc, graph, onCommand, onSelect, lang } = p;
  const view = graph.states.find((s) => s.id === stateId)!;
  const raw = dataOf(records, stateId);
  const [name, setName] = useState(view.name);
  const ids = { id: useId(), vi: useId(), en: useId() };
  const label = isObject(raw.label) ? raw.label as { vi: string; en: string } : { vi: view.name, en: view.name };
  const outgoing = [...graph.pairs.filter((x) => x.from === stateId).flatMap((x) => x.transitions), ...view.internal];
  const incoming = graph.pairs.filter((x) => x.to === stateId).reduce((n, x) => n + x.transitions.length, 0);
  return (
    <div data-testid="state-inspector" data-state={view.name}>
      <h3 id="lifecycle-inspector-heading" tabIndex={-1}>{text(lang, 'lifecycle.state')}: {view.label}</h3>
      <div className="field">
        <label htmlFor={ids.id}>{text(lang, 'lifecycle.stateId')}</label>
        <div className="lc-row">
          <input id={ids.id} data-testid="state-id" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${ids.id}-hint`} />
          <button type="button" data-testid="rename-state" disabled={name === view.name} onClick={() => onCommand(renameState(stateId, name.trim()))}>{text(lang, 'lifecycle.rename')}</button>
        </div>
        <p id={`${ids.id}-hint`} className="muted small">{text(lang, 'lifecycle.renameHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={ids.vi}>{text(lang, 'lifecycle.labelVi')}</label>
        <input id={ids.vi} data-testid="state-label-vi" value={label.vi} onChange={(e) => onCommand(updateState(stateId, { label: { ...label, vi: e.target.value } }))} />
      </div>
      <div className="field">
        <label htmlFor={ids.en}>{text(lang, 'lifecycle.labelEn')}</label>
        <input id={ids.en} data-testid="state-label-en" value={label.en} onChange={(e) => onCommand(updateState(stateId, { label: { ...label, en: e.target.value } }))} />
      </div>
      <label className="inline-check"><input type="checkbox" data-testid="state-final" checked={raw.final === true} onChange={(e) => onCommand(updateState(stateId, { final: e.target.checked }))} /> {text(lang, 'lifecycle.isFinal')}</label>
      <div className="lc-row">
        {view.initial ? <span className="muted small">{text(lang, 'lifecycle.isInitial')}</span>
          : <button type="button" data-testid="make-initial" onClick={() => onCommand(setInitialState(stateId))}>{text(lang, 'lifecycle.makeInitial')}</button>}
        <button type="button" className="danger" data-testid="delete-state" disabled={view.initial} onClick={() => {
          void (async () => {
            // A saved class run standing in the state is named in the question (it will not resume where it was).
            const read = await readSavedRun();
            const saved = read.ok ? read.run : null;
            const here = saved ? savedRunIn(saved, doc, view.name) : { classHere: false, learnersHere: 0 };
            const warning = here.classHere ? text(lang, 'lifecycle.savedRunClassHere') : here.learnersHere > 0 ? text(lang, 'lifecycle.savedRunLearnersHere', { n: here.learnersHere }) : '';
            const question = [warning, text(lang, 'lifecycle.deleteStateConfirm', { state: view.name, n: incoming })].filter(Boolean).join('\n\n');
            if (window.confirm(question) && onCommand(deleteState(stateId)).ok) onSelect(null);
          })();
        }}>{text(lang, 'lifecycle.deleteState')}</button>
      </div>
      <DiagnosticList items={view.diagnostics} lang={lang} />
      <h4>{text(lang, 'lifecycle.transitions')}</h4>
      {outgoing.length === 0 ? <p className="muted">{text(lang, 'lifecycle.noTransitions')}</p> : (
        <ul className="lc-transitions">
          {outgoing.map((t) => <TransitionEditor key={t.id} t={t} records={records} doc={doc} graph={graph} onCommand={onCommand} lang={lang} scope={p.scope} open={outgoing.length === 1} />)}
        </ul>
      )}
      {raw.final !== true && <AddTransition key={stateId} from={stateId} recordId={recordId} doc={doc} graph={graph} onCommand={onCommand} lang={lang} />}
    </div>
  );
}

/** An event's names (Vietnamese, English) beside its type. */
function EventLabelField({ type, label, recordId, onCommand, lang }: { type: string; label: unknown; recordId: RecordId; onCommand: LifecycleInspectorProps['onCommand']; lang: Lang }) {
  const ids = { vi: useId(), en: useId() };
  const current = { vi: labelOf(label, 'vi', type), en: labelOf(label, 'en', type) };
  return (
    <li className="lc-event" data-testid="event-label" data-event={type}>
      <code>{type}</code>
      <div className="lc-row">
        <label htmlFor={ids.vi} className="visually-hidden">{text(lang, 'lifecycle.labelVi')} — {type}</label>
        <input id={ids.vi} data-testid="event-label-vi" value={current.vi} onChange={(e) => onCommand(updateEventLabel(recordId, type, { ...current, vi: e.target.value }))} />
        <label htmlFor={ids.en} className="visually-hidden">{text(lang, 'lifecycle.labelEn')} — {type}</label>
        <input id={ids.en} data-testid="event-label-en" value={current.en} onChange={(e) => onCommand(updateEventLabel(recordId, type, { ...current, en: e.target.value }))} />
      </div>
    </li>
  );
}

function ParameterField({ name, param, recordId, onCommand, lang }: { name: string; param: Json; recordId: RecordId; onCommand: LifecycleInspectorProps['onCommand']; lang: Lang }) {
  const id = useId();
  const assumed = param.confidence === 'assumed' || (Array.isArray(param.assumedCells) && param.assumedCells.length > 0);
  const title = labelOf(param.label, lang, name);
  return (
    <li className="lc-param" data-testid="parameter" data-name={name}>
      <label htmlFor={typeof param.value === 'number' ? id : undefined}><strong>{title}</strong> <code>{name}</code> {assumed && <span className="badge badge-assumed">⚠ {text(lang, 'lifecycle.assumed')}</span>}</label>
      <ParameterValueField inputId={id} name={name} title={title} value={param.value} lang={lang}
        assumedCells={Array.isArray(param.assumedCells) ? param.assumedCells.map(String) : []}
        onChange={(v) => onCommand(setParameterValue(recordId, name, v))} />
      <div className="muted small">{text(lang, 'lifecycle.source')}: {String(param.source ?? '')}</div>
    </li>
  );
}

/** Memoised: a class run moving on (the page's run state) does not draw the inspector again. */
export const LifecycleInspector = memo(function LifecycleInspector(props: LifecycleInspectorProps) {
  const { recordId, records, doc, graph, diagnostics, selectedId, onSelect, onCommand, lang } = props;
  const pair = selectedId ? graph.pairs.find((p) => p.id === selectedId) : undefined;
  let body;
  if (selectedId && graph.states.some((s) => s.id === selectedId)) {
    body = <StateInspector key={`${recordId}/${selectedId}`} {...props} stateId={selectedId} />;
  } else if (pair) {
    body = (
      <div data-testid="pair-inspector">
        <h3 id="lifecycle-inspector-heading" tabIndex={-1}>{text(lang, 'lifecycle.transitionsOfPair', { from: pair.fromName, to: pair.toName })}</h3>
        <ul className="lc-transitions">
          {pair.transitions.map((t) => <TransitionEditor key={t.id} t={t} records={records} doc={doc} graph={graph} onCommand={onCommand} lang={lang} scope={props.scope} open />)}
        </ul>
      </div>
    );
  } else {
    const parameters = isObject(doc.parameters) ? doc.parameters : {};
    body = (
      <div data-testid="document-inspector">
        <h3 id="lifecycle-inspector-heading" tabIndex={-1}>{text(lang, 'lifecycle.document')}: {labelOf(doc.title, lang, String(doc.id))}</h3>
        <p className="muted small">{text(lang, 'lifecycle.revision')}: {String(doc.revision ?? 1)} · {text(lang, 'lifecycle.source')}: {String(doc.source ?? '')}</p>
        <p className="muted small">{text(lang, 'lifecycle.selectHint')}</p>
        <h4>{text(lang, 'lifecycle.statesList')}</h4>
        <ul className="lc-state-list">
          {graph.states.map((s) => (
            <li key={s.id}>
              <button type="button" className="link" data-testid="state-list-item" data-state={s.name} onClick={() => { onSelect(s.id); requestAnimationFrame(() => document.getElementById('lifecycle-inspector-heading')?.focus()); }}>
                {s.initial ? '▶ ' : ''}{s.label} <code>{s.name}</code>{s.final ? ` · ${text(lang, 'lifecycle.final')}` : ''}{s.severity ? ` · ${s.diagnostics.length} ${text(lang, 'lifecycle.problems')}` : ''}
              </button>
            </li>
          ))}
        </ul>
        <h4>{text(lang, 'lifecycle.events')}</h4>
        <ul className="lc-events">
          {Object.entries(isObject(doc.events) ? doc.events : {}).filter(([, v]) => isObject(v)).map(([type, ev]) => (
            <EventLabelField key={type} type={type} label={(ev as Json).label} recordId={recordId} onCommand={onCommand} lang={lang} />
          ))}
        </ul>
        <h4>{text(lang, 'lifecycle.parameters')}</h4>
        <ul className="lc-params">
          {Object.entries(parameters).filter(([, v]) => isObject(v)).map(([name, param]) => <ParameterField key={name} name={name} param={param as Json} recordId={recordId} onCommand={onCommand} lang={lang} />)}
        </ul>
        <h4>{text(lang, 'lifecycle.diagnostics')}</h4>
        {diagnostics.length === 0 ? <p className="muted">{text(lang, 'lifecycle.noDiagnostics')}</p> : <DiagnosticList items={diagnostics} lang={lang} />}
      </div>
    );
  }
  return <aside className="lc-inspector card" aria-label={text(lang, 'lifecycle.inspector')} data-testid="lifecycle-inspector">{body}</aside>;
});
