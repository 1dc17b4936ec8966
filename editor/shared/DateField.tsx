/**
 * A date typed as DD/MM/YYYY (ISO is accepted too). The value handed out is always an ISO date that exists; while
 * the text is not one, the field says so and keeps the last good value.
 */
import { useEffect, useId, useState } from 'react';
import { formatDate, normalizeDate } from '../../engine/documents/dates.ts';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';

export interface DateFieldProps {
  label: string;
  /** ISO `YYYY-MM-DD`. */
  value: string;
  onChange: (iso: string) => void;
  lang: Lang;
  testId: string;
  /** Text under the field instead of the format hint (an invalid date always shows the error). */
  hint?: string;
  /** The date may be left out: an empty field is valid and hands out `''`. */
  optional?: boolean;
}

export function DateField({ label, value, onChange, lang, testId, hint, optional = false }: DateFieldProps) {
  const id = useId();
  const [typed, setTyped] = useState(formatDate(value));
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    // A new value from outside (another sample) replaces the text, unless the text already means that day.
    setTyped((old) => (normalizeDate(old) === value || (value === '' && old.trim() === '') ? old : formatDate(value)));
  }, [value]);

  const empty = optional && typed.trim() === '';
  const iso = empty ? '' : normalizeDate(typed);
  const invalid = iso === undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="NN/TT/NNNN"
        value={typed}
        aria-invalid={invalid && touched}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setTyped(e.target.value);
          const next = optional && e.target.value.trim() === '' ? '' : normalizeDate(e.target.value);
          if (next !== undefined && next !== value) onChange(next);
        }}
        onBlur={() => {
          setTouched(true);
          if (iso !== undefined && iso !== '') setTyped(formatDate(iso));
        }}
      />
      {invalid && touched
        ? <small id={`${id}-hint`} className="field-error" role="alert">{text(lang, 'page.dateInvalid')}</small>
        : <small id={`${id}-hint`} className="field-hint">{hint ?? text(lang, 'page.dateHint')}</small>}
    </div>
  );
}
