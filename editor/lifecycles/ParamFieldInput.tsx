/**
 * One parameter of a guard or action as a typed control: a state picker (one, or several as checkboxes), a learner
 * event picker, an amount (a number, or one of the document's parameters of the same unit, shown with its value),
 * a choice, a date mark (with the marks the document stamps offered), a number, a text or a yes/no.
 * `onChange(undefined)` clears an optional parameter.
 */
import { useId } from 'react';
import { LABELS } from '../../engine/documents/enums.ts';
import { isParamRef } from '../../engine/documents/lifecycle.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { paramName } from '../i18n/lifecycleStrings.ts';
import type { FormScope, ParamField } from './specFields.ts';
import { text } from '../i18n/text.ts';

const CHOICE_LABELS: Readonly<Record<string, Readonly<Record<string, { vi: string; en: string }>>>> = {
  level: LABELS.theoryLevel as Record<string, { vi: string; en: string }>,
  mode: LABELS.mode as Record<string, { vi: string; en: string }>,
};

export interface ParamFieldInputProps {
  field: ParamField;
  value: unknown;
  onChange(value: unknown): void;
  scope: FormScope;
  lang: Lang;
}

export function ParamFieldInput({ field, value, onChange, scope, lang }: ParamFieldInputProps) {
  const id = useId();
  const name = paramName(lang, field.key);
  const label = <label htmlFor={id}>{name}{field.required ? ' *' : ''} <code className="muted">{field.key}</code></label>;
  const optional = !field.required && <option value="">{text(lang, 'lifecycle.notSet')}</option>;
  let control;
  switch (field.kind) {
    case 'state': {
      const states = scope.states[field.of];
      if (field.multiple) {
        const chosen = Array.isArray(value) ? value.map(String) : [];
        return (
          <fieldset className="lc-param-field" data-testid={`param-${field.key}`}>
            <legend>{name}{field.required ? ' *' : ''} <span className="muted small">({text(lang, field.of === 'learner' ? 'lifecycle.learnerStates' : 'lifecycle.classStates')})</span></legend>
            <div className="lc-checks">
              {states.map((s) => (
                <label key={s.id} className="inline-check">
                  <input type="checkbox" checked={chosen.includes(s.id)} data-state={s.id}
                    onChange={(e) => onChange(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))} /> {s.label} <code>{s.id}</code>
                </label>
              ))}
            </div>
          </fieldset>
        );
      }
      const known = states.some((s) => s.id === value);
      control = (
        <select id={id} data-testid={`param-${field.key}`} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          {optional}
          {!known && typeof value === 'string' && value !== '' && <option value={value}>{value} ⚠</option>}
          {states.map((s) => <option key={s.id} value={s.id}>{s.label} ({s.id})</option>)}
        </select>
      );
      break;
    }
    case 'learner-event':
      control = (
        <select id={id} data-testid={`param-${field.key}`} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          {optional}
          {typeof value === 'string' && value !== '' && !scope.learnerEvents.some((x) => x.type === value) && <option value={value}>{value} ⚠</option>}
          {scope.learnerEvents.map((x) => <option key={x.type} value={x.type}>{x.label} ({x.type})</option>)}
        </select>
      );
      break;
    case 'amount': {
      const params = scope.parameters.filter((p) => field.unit === null || p.unit === field.unit);
      const ref = isParamRef(value) ? value.param : '';
      const selectValue = ref ? `param:${ref}` : typeof value === 'number' ? 'number' : '';
      return (
        <div className="field lc-param-field" data-testid={`param-${field.key}`}>
          {label}
          <div className="lc-row">
            <select id={id} aria-label={`${name}: ${text(lang, 'lifecycle.amountSource')}`} data-testid={`param-${field.key}-source`} value={selectValue}
              onChange={(e) => {
                const v = e.target.value;
                if (v === '') onChange(undefined);
                else if (v === 'number') onChange(typeof value === 'number' ? value : 0);
                else onChange({ param: v.slice('param:'.length) });
              }}>
              {optional}
              <option value="number">{text(lang, 'lifecycle.fixedNumber')}</option>
              {ref && !params.some((p) => p.name === ref) && <option value={`param:${ref}`}>{ref} ⚠</option>}
              {params.map((p) => <option key={p.name} value={`param:${p.name}`}>{text(lang, 'lifecycle.parameter')}: {p.label} ({p.name})</option>)}
            </select>
            {typeof value === 'number' && (
              <input type="number" aria-label={`${name}: ${text(lang, 'lifecycle.fixedNumber')}`} data-testid={`param-${field.key}-number`} value={value}
                onChange={(e) => { if (e.target.value !== '' && Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value)); }} />
            )}
          </div>
        </div>
      );
    }
    case 'choice': {
      const labels = CHOICE_LABELS[field.key];
      control = (
        <select id={id} data-testid={`param-${field.key}`} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          {!field.required && <option value="">{text(lang, field.key === 'level' || field.key === 'mode' ? 'lifecycle.ofTheClass' : 'lifecycle.notSet')}</option>}
          {field.options.map((o) => <option key={o} value={o}>{labels?.[o]?.[lang] ?? o}</option>)}
        </select>
      );
      break;
    }
    case 'date-mark': {
      const listId = `${id}-marks`;
      control = (
        <>
          <input id={id} list={listId} data-testid={`param-${field.key}`} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />
          <datalist id={listId}>{scope.dateMarks.map((m) => <option key={m} value={m} />)}</datalist>
        </>
      );
      break;
    }
    case 'boolean':
      return (
        <label className="inline-check lc-param-field">
          <input type="checkbox" data-testid={`param-${field.key}`} checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {name}
        </label>
      );
    case 'number':
      control = <input id={id} type="number" data-testid={`param-${field.key}`} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />;
      break;
    case 'text':
      control = <input id={id} data-testid={`param-${field.key}`} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />;
      break;
  }
  return <div className="field lc-param-field">{label}{control}</div>;
}
