/**
 * "Chạy thử một lớp": a class stepped through the workspace's lifecycles with the real guards (eligibility from the
 * workspace's rulesets). The run lives in an XState actor (classRunSession's logic over the pure steps of
 * classRunModel, read with @xstate/react's `useSelector`); saving, resuming and replaying are classRunSession's; the events allowed in the current state are offered with a form for
 * their payload; a refused event shows the reason `llct lifecycle replay` gives; learners and the timeline are
 * listed. A run is saved to IndexedDB as its events and resumed by replaying them, and exported as the file
 * `llct lifecycle replay --events` takes.
 */
import { messageIn } from '../../../engine/diagnostics/Diagnostic.ts';
import { useActorRef, useSelector } from '@xstate/react';
import { memo, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../../engine/documents/dates.ts';
import type { ClassLifecycle } from '../../../engine/lifecycle/createClassLifecycle.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import type { Sample } from '../../workspace/samples.ts';
import { downloadText } from '../../shared/downloadText.ts';
import { DateField } from '../../shared/DateField.tsx';
import { PayloadInput } from './PayloadInput.tsx';
import { RunRecord } from './RunRecord.tsx';
import { classContext, classState, eventsOffered, learnersAccepting, payloadOf, type RunState } from './classRunModel.ts';
import { batchNotice, classRunLogic, eventBody, replayNotice, resumeRun, saveRun, type RunNotice } from './classRunSession.ts';
import { BulkNominate } from './BulkNominate.tsx';
import { readSavedRun } from './savedRun.ts';
import { SavedRunSetAside } from './SavedRunSetAside.tsx';
import type { SetAsidePart } from '../../workspace/readWorkspace.ts';
import { fillText } from '../../i18n/fillText.ts';
import { text, textLabel } from '../../i18n/text.ts';
import '../../i18n/runStrings.ts';

/** The answer to the last event sent (for a class event, the learners it moved). */
const LastAnswer = memo(function LastAnswer({ last, lang }: { last: NonNullable<RunState['last']>; lang: Lang }) {
  return last.ok
    ? <p className="lc-ok" role="status" data-testid="run-accepted">✓ {last.entry.event}: {last.entry.from} → {last.entry.to}{last.entry.learners?.length ? ` (${last.entry.learners.map((l) => `${l.id}: ${l.from ?? '∅'} → ${l.to}`).join(', ')})` : ''}</p>
    : <p className="lc-refused" role="alert" data-testid="run-refused" data-code={last.rejection.code}>✗ {messageIn({ message: last.rejection.reason, messageEn: last.rejection.reasonEn }, lang)}</p>;
});


/** The run panel's forms are never submitted (Enter in a field does nothing, as before they were forms). */
const preventSubmit = (e: FormEvent) => e.preventDefault();

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
      setNotice(text(lang, 'run.replayedOnEdit', { n: current.events.length }));
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

  if (!lc) return <section className="card lc-run" data-testid="class-run"><h3>{text(lang, 'run.title')}</h3><p className="muted">{blocked ?? text(lang, 'run.blocked')}</p></section>;

  const say = (n: RunNotice) => setNotice(`${fillText(textLabel(n.key), lang, n.vars)}${n.detail ? ` ${n.detail[lang]}` : ''}`);
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
      <h3 id={`${eventId}-h`}>{text(lang, 'run.title')}</h3>
      <div className="lc-row">
        <button type="button" data-testid="run-start" onClick={() => { actor.send({ type: 'start', lc }); setNotice(undefined); }}>{run ? text(lang, 'run.restart') : text(lang, 'run.start')}</button>
        <button type="button" data-testid="run-save" disabled={!run} onClick={() => void save()}>{text(lang, 'run.save')}</button>
        <button type="button" data-testid="run-resume" onClick={() => void resume()}>{text(lang, 'run.resume')}</button>
        <button type="button" data-testid="run-replay" disabled={!run} onClick={replay}>{text(lang, 'run.replay')}</button>
        <button type="button" data-testid="run-export" disabled={!run} onClick={() => run && downloadText(`${JSON.stringify(run.events, null, 2)}\n`, 'class-run.events.json', 'application/json')}>{text(lang, 'run.export')}</button>
      </div>
      {notice && <p className="muted small" role="status" data-testid="run-notice">{notice}</p>}
      {setAsideRun && <SavedRunSetAside part={setAsideRun} lang={lang} onDone={(text) => { setSetAsideRun(undefined); setNotice(text); }} onFailed={setNotice} />}
      {run && state && (
        <>
          <p data-testid="run-state" data-state={state}>{text(lang, 'run.now')}: <strong>{doc.states[state]?.label[lang] ?? state}</strong> <code>{state}</code>{lastAt && <> · {text(lang, 'run.lastAt')} {formatDate(lastAt)}</>}</p>
          {offered.length === 0 ? <p className="muted">{text(lang, 'run.noEvents')}</p> : (
            // A form of its own (never submitted: the buttons send): Chromium's autofill groups the fields that are in
            // no form, across the whole app (some 80), into one form, and parsed all of them again in the browser
            // process each time the fields here came and went with the event chosen (about 0.6 s of CPU in a run of
            // 12 steps, competing with the page on a 2-core machine). In a form of their own, only they are read.
            <form onSubmit={preventSubmit}><fieldset className="lc-add">
              <legend>{text(lang, 'run.sendEvent')}</legend>
              <div className="field">
                <label htmlFor={eventId}>{text(lang, 'run.event')}</label>
                <select id={eventId} data-testid="run-event" value={chosenEvent} onChange={(e) => { setEvent(e.target.value); setPayload({}); }}>
                  {offered.map((e) => <option key={e} value={e}>{doc.events[e]?.label[lang] ?? e} ({e})</option>)}
                </select>
              </div>
              <DateField label={text(lang, 'run.at')} value={when} onChange={setAt} lang={lang} testId="run-at" />
              {fields.filter(([name]) => !(toEveryone && name === 'learnerId')).map(([name, field]) => (
                <PayloadInput key={`${chosenEvent}/${name}`} name={name} field={field} value={payload[name]} onChange={(v) => setPayload((p) => ({ ...p, [name]: v }))} samples={samples} learnerIds={learnerIds} lang={lang} />
              ))}
              {perLearner && (
                <label className="inline-check">
                  <input type="checkbox" data-testid="run-every-learner" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> {text(lang, 'run.everyLearner', { n: reachable.length })}
                </label>
              )}
              <button type="button" data-testid="run-send" disabled={!when} onClick={send}>{text(lang, 'run.send')}</button>
            </fieldset></form>
          )}
          {fields.some(([f]) => f === 'profile') && <BulkNominate event={chosenEvent} at={when} lang={lang} onEvents={sendBatch} />}
          {run.last && <LastAnswer last={run.last} lang={lang} />}
          <RunRecord run={run} lc={lc} lang={lang} />
          {run.rejected.length > 0 && <p className="muted small">{text(lang, 'run.refusedCount', { n: run.rejected.length })}</p>}
        </>
      )}
    </section>
  );
}
