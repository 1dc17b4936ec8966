/** A labelled `<select>`; the empty string stands for "not given" when `emptyLabel` is set. */
import { useId } from 'react';

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
  emptyLabel?: string;
  /** A line under the field, read with it by screen readers. */
  hint?: string;
}

export function SelectField({ label, value, options, onChange, testId, emptyLabel, hint }: SelectFieldProps) {
  const id = useId();
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {!known && <option value={value}>{value}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
    </div>
  );
}
