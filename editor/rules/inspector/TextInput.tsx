/**
 * A labelled text or number input that keeps what the user types locally and reports each change; a new value
 * from outside (undo, another selection) replaces the text. `multiline` gives a textarea.
 */
import { useEffect, useId, useState } from 'react';

export interface TextInputProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  testId?: string;
  type?: 'text' | 'number';
  multiline?: boolean;
  /** Shown under the field; `invalid` marks it as an error. */
  hint?: string;
  invalid?: boolean;
  /** Whether the typed text already means `value` (then an outside update keeps the text: "3." stays "3."). */
  equivalent?: (text: string, value: string) => boolean;
}

export function TextInput({ label, value, onChange, testId, type = 'text', multiline, hint, invalid, equivalent }: TextInputProps) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => {
    setText((old) => (old === value || equivalent?.(old, value) ? old : value));
    // Only an outside change of the value resets the text.
  }, [value]);
  const change = (next: string) => { setText(next); onChange(next); };
  const common = {
    id, value: text, 'data-testid': testId, 'aria-invalid': invalid || undefined,
    'aria-describedby': hint ? `${id}-hint` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline
        ? <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
        : <input {...common} type={type} inputMode={type === 'number' ? 'decimal' : undefined} onChange={(e) => change(e.target.value)} />}
      {hint && <p id={`${id}-hint`} className={invalid ? 'field-error' : 'hint'}>{hint}</p>}
    </div>
  );
}
