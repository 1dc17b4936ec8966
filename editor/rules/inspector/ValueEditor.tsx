/** The typed value editor of a leaf condition: number, DD/MM/YYYY date, yes/no, catalogue values, or raw JSON. */
import type { Position } from '../../../engine/documents/catalogue.ts';
import { describeValue } from '../../../engine/rules/describeCondition.ts';
import type { Lang } from '../../i18n/strings.ts';
import { DateField } from '../../shared/DateField.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { isoToOrdinal, ordinalToIso, valueEditorFor } from './factOptions.ts';
import { TextInput } from './TextInput.tsx';
import { useState } from 'react';
import { text } from '../../i18n/text.ts';

export interface ValueEditorProps {
  fact: string;
  operator: string;
  value: unknown;
  onChange: (value: unknown) => void;
  positions: readonly Position[];
  lang: Lang;
}

export function ValueEditor({ fact, operator, value, onChange, positions, lang }: ValueEditorProps) {
  const editor = valueEditorFor(fact, operator, value);
  const label = text(lang, 'rules.value');
  switch (editor.kind) {
    case 'number':
      return <NumberValue label={label} value={value} onChange={onChange} lang={lang} />;
    case 'date':
      return <DateField label={label} value={ordinalToIso(Number(value))} onChange={(iso) => onChange(isoToOrdinal(iso))} lang={lang} testId="value-date" />;
    case 'boolean':
      return <SelectField label={label} testId="value-boolean" value={String(value)} onChange={(v) => onChange(v === 'true')}
        options={[{ value: 'true', label: text(lang, 'rules.yes') }, { value: 'false', label: text(lang, 'rules.no') }]} />;
    case 'enum':
    case 'position': {
      const options = editor.kind === 'enum'
        ? editor.values.map((v) => ({ value: v, label: describeValue(fact, v, lang) ?? v }))
        : positions.map((p) => ({ value: p.code, label: p.name[lang] }));
      if (!editor.multiple) return <SelectField label={label} testId="value-select" value={String(value ?? '')} onChange={onChange} options={options} />;
      const chosen = new Set(Array.isArray(value) ? value as string[] : []);
      return (
        <fieldset className="checklist" data-testid="value-list">
          <legend>{label}</legend>
          {options.map((o) => (
            <label key={o.value}>
              <input type="checkbox" checked={chosen.has(o.value)}
                onChange={(e) => onChange(options.map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : chosen.has(v))))} />
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'text':
      return <TextInput label={label} testId="value-text" value={editor.multiple && Array.isArray(value) ? value.join('; ') : String(value ?? '')}
        onChange={(text) => onChange(editor.multiple ? text.split(';').map((s) => s.trim()).filter(Boolean) : text)} />;
    case 'json':
      return <JsonValue label={text(lang, 'rules.valueJson')} value={value} onChange={onChange} lang={lang} />;
  }
}

function NumberValue({ label, value, onChange, lang }: { label: string; value: unknown; onChange: (v: unknown) => void; lang: Lang }) {
  const [bad, setBad] = useState(false);
  return (
    <TextInput label={label} testId="value-number" type="number" value={typeof value === 'number' ? String(value) : ''}
      invalid={bad} hint={bad ? text(lang, 'rules.typeNumber') : undefined}
      equivalent={(text, v) => text.trim() !== '' && Number(text) === Number(v)}
      onChange={(text) => {
        const n = Number(text);
        const ok = text.trim() !== '' && Number.isFinite(n);
        setBad(!ok);
        if (ok) onChange(n);
      }} />
  );
}

function JsonValue({ label, value, onChange, lang }: { label: string; value: unknown; onChange: (v: unknown) => void; lang: Lang }) {
  const [bad, setBad] = useState(false);
  return (
    <TextInput label={label} testId="value-json" multiline value={JSON.stringify(value)} invalid={bad}
      equivalent={(text, v) => { try { return JSON.stringify(JSON.parse(text)) === v; } catch { return false; } }}
      hint={bad ? text(lang, 'rules.valueJsonInvalid') : undefined}
      onChange={(text) => {
        try {
          const v: unknown = JSON.parse(text);
          setBad(false);
          onChange(v);
        } catch {
          setBad(true);
        }
      }} />
  );
}
