/**
 * One editable cell of the plan table: a text input or a select showing the store's value, labelled with its column
 * and row for screen readers, marked invalid with the diagnostics located on it (their text in the title and in the
 * row's message line below).
 */
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../engine/rules/messages.ts';

export interface CellOption { value: string; label: string }

export interface PlanCellProps {
  label: string;
  value: string;
  diagnostics: readonly Diagnostic[];
  lang: Lang;
  onChange(text: string): void;
  options?: readonly CellOption[];
  /** Input width in characters. */
  size?: number;
  testId?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
}

export function PlanCell({ label, value, diagnostics, lang, onChange, options, size, testId, inputMode }: PlanCellProps) {
  const severity = diagnostics.some((d) => d.severity === 'error') ? 'error' : diagnostics.length > 0 ? 'warning' : undefined;
  const title = diagnostics.map((d) => messageIn(d, lang)).join('\n') || undefined;
  const common = {
    'aria-label': label, 'aria-invalid': severity === 'error' ? true : undefined, title, 'data-testid': testId,
    className: `plan-cell${severity ? ` has-${severity}` : ''}`,
  };
  if (options) {
    const known = options.some((o) => o.value === value);
    return (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  }
  return <input {...common} type="text" value={value} size={size} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />;
}
