/**
 * A transition's actions as a form: the registered actions it runs, in order, each with its parameters as typed
 * fields; add, remove and reorder. Every change hands the whole new list up. An unknown action type (from an
 * imported file) is kept and marked.
 */
import { useId, useState } from 'react';
import type { Lang } from '../../engine/rules/messages.ts';
import { ParamFieldInput } from './ParamFieldInput.tsx';
import { defaultParams, paramFields, type FormScope, type SpecLike } from './specFields.ts';
import { text } from '../i18n/text.ts';
import '../i18n/lifecycleStrings.ts';

type Json = Record<string, unknown>;
export interface ActionRefValue { type: string; params?: Json }

export interface ActionsFormProps {
  actions: readonly ActionRefValue[];
  onChange(actions: ActionRefValue[]): void;
  specs: Readonly<Record<string, SpecLike>>;
  scope: FormScope;
  lang: Lang;
}

export function ActionsForm({ actions, onChange, specs, scope, lang }: ActionsFormProps) {
  const addId = useId();
  const types = Object.keys(specs);
  const [toAdd, setToAdd] = useState(types[0] ?? '');
  const set = (i: number, a: ActionRefValue) => onChange(actions.map((x, j) => (j === i ? a : x)));
  const move = (i: number, by: -1 | 1) => {
    const list = [...actions];
    const [a] = list.splice(i, 1);
    list.splice(i + by, 0, a!);
    onChange(list);
  };
  return (
    <fieldset className="lc-actions-form" data-testid="actions-form">
      <legend>{text(lang, 'lifecycle.actions')}</legend>
      {actions.length === 0 && <p className="muted small">{text(lang, 'lifecycle.none')}</p>}
      <ol className="lc-actions">
        {actions.map((a, i) => {
          const spec = Object.hasOwn(specs, a.type) ? specs[a.type] : undefined;
          return (
            <li key={`${i}-${a.type}`} className="lc-action" data-testid="action" data-type={a.type}>
              <div className="lc-row">
                <strong>{spec ? spec.label[lang] : `${a.type} (${text(lang, 'lifecycle.unknownSpec')})`}</strong> <code className="muted">{a.type}</code>
              </div>
              {spec && <p className="muted small">{spec.description[lang]}</p>}
              {spec && paramFields(spec).map((f) => (
                <ParamFieldInput key={f.key} field={f} scope={scope} lang={lang} value={a.params?.[f.key]}
                  onChange={(v) => {
                    const params: Json = { ...a.params };
                    if (v === undefined) delete params[f.key]; else params[f.key] = v;
                    set(i, Object.keys(params).length > 0 ? { type: a.type, params } : { type: a.type });
                  }} />
              ))}
              <div className="lc-row" role="group" aria-label={text(lang, 'lifecycle.actionN', { n: i + 1 })}>
                <button type="button" data-testid="action-up" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${text(lang, 'lifecycle.moveUp')}: ${text(lang, 'lifecycle.actionN', { n: i + 1 })}`}>↑</button>
                <button type="button" data-testid="action-down" disabled={i === actions.length - 1} onClick={() => move(i, 1)} aria-label={`${text(lang, 'lifecycle.moveDown')}: ${text(lang, 'lifecycle.actionN', { n: i + 1 })}`}>↓</button>
                <button type="button" className="link" data-testid="action-remove" onClick={() => onChange(actions.filter((_, j) => j !== i))}>{text(lang, 'lifecycle.removeAction')}</button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="lc-row">
        <label htmlFor={addId} className="visually-hidden">{text(lang, 'lifecycle.addAction')}</label>
        <select id={addId} data-testid="add-action-type" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
          {types.map((t) => <option key={t} value={t}>{specs[t]!.label[lang]} ({t})</option>)}
        </select>
        <button type="button" data-testid="add-action" disabled={!toAdd} onClick={() => {
          const spec = specs[toAdd];
          if (!spec) return;
          const params = defaultParams(spec, scope);
          onChange([...actions, Object.keys(params).length > 0 ? { type: toAdd, params } : { type: toAdd }]);
        }}>+ {text(lang, 'lifecycle.addAction')}</button>
      </div>
    </fieldset>
  );
}
