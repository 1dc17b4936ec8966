/**
 * What a class run has done: its learners (state and result) and its timeline, drawn again only when the run changes.
 */
import { memo, useState } from 'react';
import { formatDate } from '../../../engine/documents/dates.ts';
import type { Lifecycle } from '../../../engine/documents/lifecycle.ts';
import { CLASSIFICATION_LABELS, type LearnerRecord } from '../../../engine/lifecycle/context.ts';
import type { ClassLifecycle, HistoryEntry } from '../../../engine/lifecycle/createClassLifecycle.ts';
import { stateLabel } from '../../../engine/lifecycle/specHelpers.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import { failureCitation } from '../../../engine/rules/buildFailures.ts';
import { classContext, type RunState } from './classRunModel.ts';
import { text } from '../../i18n/text.ts';
import '../../i18n/runStrings.ts';

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
export const RunRecord = memo(function RunRecord({ run, lc, lang }: { run: RunState; lc: ClassLifecycle; lang: Lang }) {
  const doc = lc.lifecycle;
  const [showAll, setShowAll] = useState(false);
  const learners = classContext(run).learners;
  const first = showAll ? 0 : Math.max(0, run.history.length - TIMELINE_SHOWN);
  return (
    <>
            <h4>{text(lang, 'run.learners')} ({learners.length})</h4>
            {learners.length === 0 ? <p className="muted">{text(lang, 'run.noLearners')}</p> : (
              <table className="lc-learners" data-testid="run-learners">
                <thead><tr><th>{text(lang, 'run.learner')}</th><th>{text(lang, 'run.state')}</th><th>{text(lang, 'run.result')}</th></tr></thead>
                <tbody>
                  {learners.map((l) => <LearnerRow key={l.context.id} learner={l} learnerDoc={lc.learnerLifecycle} lang={lang} />)}
                </tbody>
              </table>
            )}
            <h4>{text(lang, 'run.timeline')}</h4>
            <ol className="lc-timeline" data-testid="run-timeline">
              {run.history.slice(first).map((h, i) => <TimelineEntry key={first + i} entry={h} n={first + i + 1} doc={doc} lang={lang} />)}
            </ol>
          {run.history.length > TIMELINE_SHOWN && (
            <button type="button" className="link" data-testid="run-timeline-all" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
              {showAll ? text(lang, 'run.timelineLatest', { n: TIMELINE_SHOWN }) : text(lang, 'run.timelineAll', { n: run.history.length })}
            </button>
          )}
    </>
  );
});
