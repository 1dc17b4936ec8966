/**
 * "Ban hành phiên bản" / "Publish version": publishes the current state of a document under a decision — a new one
 * typed here (dates as DD/MM/YYYY, checked by the engine's rules before anything is sent) or one the document already
 * carries. For any document with `revision`, `decisions` and `published` (rulesets today); the caller turns the input
 * into its document's publish command and says whether it was accepted. Escape cancels.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { DECISION_KIND_LABELS, DECISION_KINDS, decisionText, type Decision, type DecisionKind } from '../../engine/documents/decision.ts';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/publishStrings.ts';
import { text, type PlainTextKey } from '../i18n/text.ts';
import { DateField } from '../shared/DateField.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import type { PublishInput } from '../workspace/commands/publishCommands.ts';
import { checkDecisionDraft, EMPTY_DRAFT, type DecisionDraft, type DraftField, type DraftProblem } from './decisionDraft.ts';

export interface PublishFormProps {
  /** The document's name as the page shows it. */
  name: string;
  /** The decisions the document carries (offered instead of typing one). */
  carried: readonly Decision[];
  /** The revision publishing will make. */
  revision: number;
  /** Publishing saves a named version (a ruleset's versions list): the form asks for its name. Default true. */
  versioned?: boolean;
  lang: Lang;
  /** Sends the publish command; true when it was accepted (the form then closes). */
  onPublish: (input: PublishInput) => boolean;
  onCancel: () => void;
}

const NEW = '';

/** Today in the page's time zone, as an ISO date. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function PublishForm({ name, carried, revision, versioned = true, lang, onPublish, onCancel }: PublishFormProps) {
  const [which, setWhich] = useState(NEW);
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DRAFT);
  const [versionName, setVersionName] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => { first.current?.querySelector<HTMLElement>('select, input')?.focus(); }, []);

  const set = <K extends keyof DecisionDraft>(k: K) => (v: DecisionDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const problemOf = (f: DraftField) => problems.find((p) => p.field === f)?.message[lang];
  const field = (f: Exclude<DraftField, 'signedOn' | 'appliesFrom' | 'appliesUntil'>, key: PlainTextKey, opts: { multiline?: boolean; hint?: string } = {}) => (
    <TextInput label={text(lang, key)} testId={`publish-${f}`} value={draft[f]} onChange={set(f)}
      multiline={opts.multiline} invalid={problemOf(f) !== undefined} hint={problemOf(f) ?? opts.hint} />
  );

  const submit = () => {
    let under: PublishInput['under'];
    if (which === NEW) {
      const checked = checkDecisionDraft(draft, carried);
      if ('problems' in checked) { setProblems(checked.problems); return; }
      under = { decision: checked.decision };
    } else {
      under = { decisionId: which };
    }
    setProblems([]);
    const named = versionName.trim() || text(lang, 'publish.defaultName', { revision });
    if (onPublish({ under, on: localToday(), name: named, ...(note.trim() ? { note: note.trim() } : {}) })) onCancel();
  };
  const escape = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } };

  return (
    <form ref={first} className="card publish-form" data-testid="publish-form" aria-labelledby="publish-form-title" noValidate
      onKeyDown={escape} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h3 id="publish-form-title">{text(lang, 'publish.title')}</h3>
      <p className="muted small">{text(lang, 'publish.lead', { name })}</p>
      <SelectField label={text(lang, 'publish.which')} testId="publish-which" value={which} onChange={setWhich}
        options={[{ value: NEW, label: text(lang, 'publish.newDecision') }, ...carried.map((d) => ({ value: d.id, label: `${decisionText(d, lang)} — ${d.issuedBy}` }))]} />
      {which === NEW && (
        <div className="publish-fields">
          <SelectField label={text(lang, 'publish.kind')} testId="publish-kind" value={draft.kind} onChange={(v) => set('kind')(v as DecisionKind)}
            options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k][lang] }))} />
          {field('number', 'publish.number', { hint: text(lang, 'publish.numberHint') })}
          {field('issuedBy', 'publish.issuedBy')}
          {field('signer', 'publish.signer')}
          {field('title', 'publish.decisionTitle')}
          <div className={problemOf('signedOn') ? 'date-invalid' : undefined}><DateField label={text(lang, 'publish.signedOn')} testId="publish-signedOn" value={draft.signedOn} onChange={set('signedOn')} lang={lang} optional
            {...(problemOf('signedOn') ? { hint: problemOf('signedOn') } : {})} /></div>
          <div className={problemOf('appliesFrom') ? 'date-invalid' : undefined}><DateField label={text(lang, 'publish.appliesFrom')} testId="publish-appliesFrom" value={draft.appliesFrom} onChange={set('appliesFrom')} lang={lang} optional
            {...(problemOf('appliesFrom') ? { hint: problemOf('appliesFrom') } : {})} /></div>
          <div className={problemOf('appliesUntil') ? 'date-invalid' : undefined}><DateField label={text(lang, 'publish.appliesUntil')} testId="publish-appliesUntil" value={draft.appliesUntil} onChange={set('appliesUntil')} lang={lang} optional
            {...(problemOf('appliesUntil') ? { hint: problemOf('appliesUntil') } : {})} /></div>
          {field('summary', 'publish.summary', { multiline: true })}
          {field('source', 'publish.source')}
        </div>
      )}
      {versioned && <TextInput label={text(lang, 'publish.versionName')} testId="publish-version-name" value={versionName} onChange={setVersionName} />}
      <TextInput label={text(lang, 'publish.note')} testId="publish-note" value={note} onChange={setNote} />
      <p className="muted small" data-testid="publish-revision">{text(lang, 'publish.nextRevision', { revision })}</p>
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="publish-problems">
          <p><strong>{text(lang, 'publish.problems')}</strong></p>
          <ul>{problems.map((p) => <li key={p.field} data-field={p.field}>{p.message[lang]}</li>)}</ul>
        </div>
      )}
      <div className="publish-actions">
        <button type="submit" data-testid="publish-submit">{text(lang, 'publish.submit')}</button>{' '}
        <button type="button" onClick={onCancel}>{text(lang, 'publish.cancel')}</button>
      </div>
    </form>
  );
}

interface TextInputProps { label: string; value: string; onChange: (v: string) => void; testId: string; multiline?: boolean | undefined; hint?: string | undefined; invalid?: boolean | undefined }

/** A labelled text field with a hint under it, marked invalid (the hint then says why) when `invalid`. */
function TextInput({ label, value, onChange, testId, multiline, hint, invalid }: TextInputProps) {
  const id = useId();
  const common = { id, value, 'data-testid': testId, 'aria-invalid': invalid || undefined, 'aria-describedby': hint ? `${id}-hint` : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />}
      {hint && <p id={`${id}-hint`} className={invalid ? 'field-error' : 'hint'}>{hint}</p>}
    </div>
  );
}
