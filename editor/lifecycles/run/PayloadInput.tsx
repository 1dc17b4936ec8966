/**
 * The fields of an event's payload in the run panel's form, one input per field type: a date, a level or a mode, a
 * cadre profile taken from the samples, a learner id among the class's learners, numbers and scores.
 */
import { memo, useId } from 'react';
import { MODES, TRAINING_LEVELS, LABELS } from '../../../engine/documents/enums.ts';
import type { PayloadField } from '../../../engine/documents/lifecycle.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import type { Sample } from '../../workspace/samples.ts';
import { DateField } from '../../shared/DateField.tsx';

/** The learner ids offered while a learner id is typed: drawn again when the learners change, not on each keystroke. */
const LearnerOptions = memo(function LearnerOptions({ id, ids }: { id: string; ids: readonly string[] }) {
  return <datalist id={id}>{ids.map((l) => <option key={l} value={l} />)}</datalist>;
});


/** The input of one payload field of the event chosen (a date, a level or mode, a profile from the samples, a learner id…). */
export function PayloadInput({ name, field, value, onChange, samples, learnerIds, lang }: {
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
