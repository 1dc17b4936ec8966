/**
 * "Chạy thử một lớp": a class stepped through the workspace's lifecycles with the real guards (eligibility from the
 * workspace's rulesets). The run lives in an XState actor (`fromTransition` over the pure steps of classRunModel,
 * read with @xstate/react's `useSelector`); the events allowed in the current state are offered with a form for
 * their payload; a refused event shows the reason `llct lifecycle replay` gives; learners and the timeline are
 * listed. A run is saved to IndexedDB as its events and resumed by replaying them, and exported as the file
 * `llct lifecycle replay --events` takes.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { memo, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../../engine/documents/dates.ts';
import { MODES, TRAINING_LEVELS, LABELS } from '../../../engine/documents/enums.ts';
import type { Lifecycle, PayloadField } from '../../../engine/documents/lifecycle.ts';
import { CLASSIFICATION_LABELS, type LearnerRecord } from '../../../engine/lifecycle/context.ts';
import type { ClassLifecycle, HistoryEntry } from '../../../engine/lifecycle/createClassLifecycle.ts';
import { stateLabel } from '../../../engine/lifecycle/specHelpers.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import type { Sample } from '../../workspace/samples.ts';
import { downloadText } from '../../widgets/downloadText.ts';
import { DateField } from '../../widgets/DateField.tsx';
import { classContext, classState, eventsOffered, learnersAccepting, payloadOf, type RunState } from './classRunModel.ts';
import { batchNotice, classRunLogic, eventBody, replayNotice, resumeRun, saveRun, type RunNotice } from './classRunSession.ts';
import { BulkNominate } from './BulkNominate.tsx';
import { rt } from './runStrings.ts';
import { readSavedRun } from './savedRun.ts';
import { SavedRunSetAside } from './SavedRunSetAside.tsx';
import type { SetAsidePart } from '../../workspace/readWorkspace.ts';
import { failureCitation } from '../../../engine/rules/buildFailures.ts';

/** The learner ids offered while a learner id is typed: drawn again when the learners change, not on each keystroke. */
const LearnerOptions = memo(function LearnerOptions({ id, ids }: { id: string; ids: readonly string[] }) {
  return <datalist id={id}>{ids.map((l) => <option key={l} value={l} />)}</datalist>;
});

/** The answer to the last event sent (for a class event, the learners it moved). */
const LastAnswer = memo(function LastAnswer({ last, lang }: { last: NonNullable<RunState['last']>; lang: Lang }) {
  return last.ok
    ? <p className="lc-ok" role="status" data-testid="run-accepted">✓ {last.entry.event}: {last.entry.from} → {last.entry.to}{last.entry.learners?.length ? ` (${last.entry.learners.map((l) => `${l.id}: ${l.from ?? '∅'} → ${l.to}`).join(', ')})` : ''}</p>
    : <p className="lc-refused" role="alert" data-testid="run-refused" data-code={last.rejection.code}>✗ {lang === 'vi' ? last.rejection.reason : last.rejection.reasonEn}</p>;
});

function PayloadInput({ name, field, value, onChange, samples, learnerIds, lang }: {
  name: string; field: PayloadField; value: unknown; onChange(v: unknown): void; samples: readonly Sample[]; learnerIds: readonly string[]; lang: Lang;
}) {
  const id = useId();
  // Payload labels are written to sit inside sentences ("thiếu số quyết định"); as a form label they start with a capital.
  const text = field.label[lang];
  const label = `${text.charAt(0).toLocaleUpperCase(lang)}${text.slice(1)}${field.required ? ' *' : ''}`;
  const testId = `payload-${name}`;
  if (field.type === 'date') return <DateField label={label} value={typeof value === 'string' ? value : ''} onChange={onChange} lang={lang} testId={testId} />;
  let input;
  if (field.type === 'level' || field.type === 'mode') {
    const options = field.type === 'level' ? TRAINING_LEVELS : MODES;
    const labels = (field.type === 'level' ? LABELS.theoryLevel : LABELS.mode) as Record<string, { vi: string; en: string }>;
    input = (
      <select id={id} data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">—</option>
        {options.map((o) => <option key={o} value={o}>{labels[o]![lang]}</option>)}
      </select>
    );
  } else if (field.type === 'profile') {
    const chosen = samples.find((s) => s.profile === value)?.id ?? '';
    input = (
      <select id={id} data-testid={testId} value={chosen} onChange={(e) => onChange(samples.find((s) => s.id === e.target.value)?.profile)}>
        <option value="">—</option>
        {samples.map((s) => <option key={s.id} value={s.id}>{s.title[lang]}</option>)}
      </select>
    );
  } else if (field.type === 'boolean') {
    input = <input id={id} type="checkbox" data-testid={testId} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (field.type === 'number' || field.type === 'percent') {
    input = <input id={id} type="number" data-testid={testId} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />;
  } else if (field.type === 'scores') {
    input = <input id={id} data-testid={testId} placeholder="8.5; 9; 8" value={Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : ''}
      onChange={(e) => { const parts = e.target.value.split(/[;\s]+/).filter(Boolean).map((x) => Number(x.replace(',', '.'))); onChange(parts.every(Number.isFinite) && parts.length > 0 ? parts : e.target.value); }} />;
  } else if (name === 'learnerId' && learnerIds.length > 0) {
    input = (
      <>
        <input id={id} data-testid={testId} list={`${id}-list`} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />
        <LearnerOptions id={`${id}-list`} ids={learnerIds} />
      </>
    );
  } else {
    input = <input id={id} data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
  return <div className="field"><label htmlFor={id}>{label}</label>{input}</div>;
}

/** The run panel's forms are never submitted (Enter in a field does nothing, as before they were forms). */
const preventSubmit = (e: FormEvent) => e.preventDefault();

/** Timeline entries shown by default (the latest); the rest on request. */
const TIMELINE_SHOWN = 100;

/**
 * One learner's row. Learner records are replaced, never changed, when an event moves them: a row whose record is
 * the same object is not drawn again (a class event that moves nobody redraws no row).
 */
const LearnerRow = memo(function LearnerRow({ learner: l, learnerDoc, lang }: { learner: LearnerRecord; learnerDoc: Lifecycle; lang: Lang }) {
  return (
    <tr data-learner={l.context.id} data-state={l.state}>
      <td>{l.context.id}</td>
      <td>{stateLabel(learnerDoc, l.state, lang)}</td>
      <td>{l.context.classification ? CLASSIFICATION_LABELS[l.context.classification][lang] : l.context.verdict && !l.context.verdict.eligible ? l.context.verdict.failures.map((f) => failureCitation(f, lang)).join('; ') : ''}</td>
    </tr>
  );
});

/**
 * One timeline entry (entries are never changed once written: an entry already shown is not drawn again). Its text
 * is joined before it reaches the page: three text nodes instead of six, for entries a batch replaces 100 at a time.
 */
const TimelineEntry = memo(function TimelineEntry({ entry: h, n, doc, lang }: { entry: HistoryEntry; n: number; doc: Lifecycle; lang: Lang }) {
  const move = h.from === h.to ? stateLabel(doc, h.to, lang) : `${stateLabel(doc, h.from, lang)} → ${stateLabel(doc, h.to, lang)}`;
  return <li value={n}>{`${formatDate(h.at)} · `}<strong>{doc.events[h.event]?.label[lang] ?? h.event}</strong>{` · ${move}${h.learnerId ? ` · ${h.learnerId}` : ''}`}</li>;
});

/** The learners and the timeline of a run: drawn again only when the run changes, not as the form is typed in. */
const RunRecord = memo(function RunRecord({ run, lc, lang }: { run: RunState; lc: ClassLifecycle; lang: Lang }) {
  const doc = lc.lifecycle;
  const [showAll, setShowAll] = useState(false);
  const learners = classContext(run).learners;
  const first = showAll ? 0 : Math.max(0, run.history.length - TIMELINE_SHOWN);
  return (
    <>
            <h4>{rt(lang, 'learners')} ({learners.length})</h4>
            {learners.length === 0 ? <p className="muted">{rt(lang, 'noLearners')}</p> : (
              <table className="lc-learners" data-testid="run-learners">
                <thead><tr><th>{rt(lang, 'learner')}</th><th>{rt(lang, 'state')}</th><th>{rt(lang, 'result')}</th></tr></thead>
                <tbody>
                  {learners.map((l) => <LearnerRow key={l.context.id} learner={l} learnerDoc={lc.learnerLifecycle} lang={lang} />)}
                </tbody>
              </table>
            )}
            <h4>{rt(lang, 'timeline')}</h4>
            <ol className="lc-timeline" data-testid="run-timeline">
              {run.history.slice(first).map((h, i) => <TimelineEntry key={first + i} entry={h} n={first + i + 1} doc={doc} lang={lang} />)}
            </ol>
          {run.history.length > TIMELINE_SHOWN && (
            <button type="button" className="link" data-testid="run-timeline-all" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
              {showAll ? rt(lang, 'timelineLatest', { n: TIMELINE_SHOWN }) : rt(lang, 'timelineAll', { n: run.history.length })}
            </button>
          )}
    </>
  );
});

export function ClassRunPanel({ lc, blocked, samples, lang, onState }: {
  lc: ClassLifecycle | undefined; blocked: string | undefined; samples: readonly Sample[]; lang: Lang; onState(state: string | null): void;
}) {
  const actor = useActorRef(classRunLogic);
  const run = useSelector(actor, (s) => s.context);
  const [event, setEvent] = useState('');
  const [payload, setPayload] = useState<Record<string, unknown>>({});
  const [at, setAt] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const [setAsideRun, setSetAsideRun] = useState<SetAsidePart | undefined>();
  // A stored run that does not read is shown with its choices as soon as the panel opens, not only on "resume".
  useEffect(() => {
    let live = true;
    void readSavedRun().then((read) => { if (live && read.ok && read.setAside) setSetAsideRun(read.setAside); });
    return () => { live = false; };
  }, []);
  const setAsideRunPart = (part: SetAsidePart | undefined) => setSetAsideRun(part);
  const eventId = useId();
  const state = run ? classState(run) : null;
  useEffect(() => onState(state), [state, onState]);
  // The lifecycles or rules were edited: the run is replayed on them (its snapshot belongs to the old machine).
  const ranOn = useRef(lc);
  useEffect(() => {
    if (ranOn.current === lc) return;
    ranOn.current = lc;
    const current = actor.getSnapshot().context;
    if (lc && current) {
      actor.send({ type: 'replay', lc, events: current.events });
      setNotice(rt(lang, 'replayedOnEdit', { n: current.events.length }));
    }
  }, [lc, actor, lang]);

  const offered = useMemo(() => (lc && state ? eventsOffered(lc.lifecycle, state) : []), [lc, state]);
  const chosenEvent = offered.includes(event) ? event : offered[0] ?? '';
  const fields = lc && chosenEvent ? payloadOf(lc.lifecycle, chosenEvent) : [];
  const lastAt = run?.run.lastAt ?? null;
  const when = at || lastAt || '';
  const learnerIds = useMemo(() => (run ? classContext(run).learners.map((l) => l.context.id) : []), [run]);
  const [everyone, setEveryone] = useState(false);
  // A learner event (learnerId in its payload, no profile): it can go to every learner whose state takes it.
  const perLearner = fields.some(([f]) => f === 'learnerId') && !fields.some(([f]) => f === 'profile');
  const reachable = useMemo(() => (lc && run && perLearner ? learnersAccepting(lc, run, chosenEvent) : []), [lc, run, perLearner, chosenEvent]);
  const toEveryone = everyone && perLearner;

  if (!lc) return <section className="card lc-run" data-testid="class-run"><h3>{rt(lang, 'title')}</h3><p className="muted">{blocked ?? rt(lang, 'blocked')}</p></section>;

  const say = (n: RunNotice) => setNotice(`${rt(lang, n.key, n.vars)}${n.detail ? ` ${n.detail[lang]}` : ''}`);
  const send = () => {
    const body = eventBody(chosenEvent, when, payload, fields);
    if (toEveryone && reachable.length > 0) sendBatch(reachable.map((learnerId) => ({ ...body, learnerId })));
    else actor.send({ type: 'send', lc, event: body });
    setPayload({});
  };
  const sendBatch = (events: readonly unknown[]) => {
    const before = run?.rejected.length ?? 0;
    actor.send({ type: 'sendMany', lc, events });
    say(batchNotice(events.length, (actor.getSnapshot().context?.rejected.length ?? before) - before));
  };
  const save = async () => {
    if (!run) return;
    const saved = await saveRun(run, lc);
    if (saved.setAside) setAsideRunPart(saved.setAside);
    say(saved.notice);
  };
  const resume = async () => {
    const resumed = await resumeRun(lc);
    if (resumed.setAside) setAsideRunPart(resumed.setAside);
    if (resumed.events) actor.send({ type: 'replay', lc, events: resumed.events });
    if (resumed.notice) say(resumed.notice);
  };
  const replay = () => {
    if (!run) return;
    say(replayNotice(run, lc));
    actor.send({ type: 'replay', lc, events: run.events });
  };

  const doc = lc.lifecycle;
  return (
    <section className="card lc-run" data-testid="class-run" data-state={state ?? ''} aria-labelledby={`${eventId}-h`}>
      <h3 id={`${eventId}-h`}>{rt(lang, 'title')}</h3>
      <div className="lc-row">
        <button type="button" data-testid="run-start" onClick={() => { actor.send({ type: 'start', lc }); setNotice(undefined); }}>{run ? rt(lang, 'restart') : rt(lang, 'start')}</button>
        <button type="button" data-testid="run-save" disabled={!run} onClick={() => void save()}>{rt(lang, 'save')}</button>
        <button type="button" data-testid="run-resume" onClick={() => void resume()}>{rt(lang, 'resume')}</button>
        <button type="button" data-testid="run-replay" disabled={!run} onClick={replay}>{rt(lang, 'replay')}</button>
        <button type="button" data-testid="run-export" disabled={!run} onClick={() => run && downloadText(`${JSON.stringify(run.events, null, 2)}\n`, 'class-run.events.json', 'application/json')}>{rt(lang, 'export')}</button>
      </div>
      {notice && <p className="muted small" role="status" data-testid="run-notice">{notice}</p>}
      {setAsideRun && <SavedRunSetAside part={setAsideRun} lang={lang} onDone={(text) => { setSetAsideRun(undefined); setNotice(text); }} onFailed={setNotice} />}
      {run && state && (
        <>
          <p data-testid="run-state" data-state={state}>{rt(lang, 'now')}: <strong>{doc.states[state]?.label[lang] ?? state}</strong> <code>{state}</code>{lastAt && <> · {rt(lang, 'lastAt')} {formatDate(lastAt)}</>}</p>
          {offered.length === 0 ? <p className="muted">{rt(lang, 'noEvents')}</p> : (
            // A form of its own (never submitted: the buttons send): Chromium's autofill groups the fields that are in
            // no form, across the whole app (some 80), into one form, and parsed all of them again in the browser
            // process each time the fields here came and went with the event chosen (about 0.6 s of CPU in a run of
            // 12 steps, competing with the page on a 2-core machine). In a form of their own, only they are read.
            <form onSubmit={preventSubmit}><fieldset className="lc-add">
              <legend>{rt(lang, 'sendEvent')}</legend>
              <div className="field">
                <label htmlFor={eventId}>{rt(lang, 'event')}</label>
                <select id={eventId} data-testid="run-event" value={chosenEvent} onChange={(e) => { setEvent(e.target.value); setPayload({}); }}>
                  {offered.map((e) => <option key={e} value={e}>{doc.events[e]?.label[lang] ?? e} ({e})</option>)}
                </select>
              </div>
              <DateField label={rt(lang, 'at')} value={when} onChange={setAt} lang={lang} testId="run-at" />
              {fields.filter(([name]) => !(toEveryone && name === 'learnerId')).map(([name, field]) => (
                <PayloadInput key={`${chosenEvent}/${name}`} name={name} field={field} value={payload[name]} onChange={(v) => setPayload((p) => ({ ...p, [name]: v }))} samples={samples} learnerIds={learnerIds} lang={lang} />
              ))}
              {perLearner && (
                <label className="inline-check">
                  <input type="checkbox" data-testid="run-every-learner" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> {rt(lang, 'everyLearner', { n: reachable.length })}
                </label>
              )}
              <button type="button" data-testid="run-send" disabled={!when} onClick={send}>{rt(lang, 'send')}</button>
            </fieldset></form>
          )}
          {fields.some(([f]) => f === 'profile') && <BulkNominate event={chosenEvent} at={when} lang={lang} onEvents={sendBatch} />}
          {run.last && <LastAnswer last={run.last} lang={lang} />}
          <RunRecord run={run} lc={lc} lang={lang} />
          {run.rejected.length > 0 && <p className="muted small">{rt(lang, 'refusedCount', { n: run.rejected.length })}</p>}
        </>
      )}
    </section>
  );
}
