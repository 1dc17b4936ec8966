/**
 * A transition's guard as a form: pick a registered guard (its parameters as typed fields, its description shown)
 * or combine guards with "all of", "any of" and "not", to any depth. Every change hands the whole new guard up;
 * `undefined` removes it. An unknown guard type (from an imported file) is kept and marked, never dropped.
 */
import { useId } from 'react';
import type { GuardExpr } from '../../engine/documents/lifecycle.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { ParamFieldInput } from './ParamFieldInput.tsx';
import { changeGuardKind, defaultParams, guardKind, paramFields, type FormScope, type GuardKind, type SpecLike } from './specFields.ts';
import { text } from '../i18n/text.ts';
import '../i18n/lifecycleStrings.ts';

type Json = Record<string, unknown>;

export interface GuardFormProps {
  guard: GuardExpr | undefined;
  onChange(guard: GuardExpr | undefined): void;
  specs: Readonly<Record<string, SpecLike>>;
  scope: FormScope;
  lang: Lang;
}

const kindValue = (k: GuardKind) => (k.kind === 'named' ? `named:${k.type}` : k.kind);
const parseKind = (v: string): GuardKind => (v.startsWith('named:') ? { kind: 'named', type: v.slice('named:'.length) } : { kind: v as 'and' | 'or' | 'not' });

function GuardNode({ guard, onChange, onRemove, specs, scope, lang, depth, label }: {
  guard: GuardExpr; onChange(g: GuardExpr): void; onRemove?(): void; specs: GuardFormProps['specs']; scope: FormScope; lang: Lang; depth: number; label: string;
}) {
  const id = useId();
  const kind = guardKind(guard);
  const makeNamed = (type: string): GuardExpr => {
    const spec = specs[type];
    return spec ? { type, params: defaultParams(spec, scope) } : { type };
  };
  const known = kind.kind !== 'named' || Object.hasOwn(specs, kind.type);
  const spec = kind.kind === 'named' && known ? specs[kind.type] : undefined;
  const members = 'and' in guard ? guard.and : 'or' in guard ? guard.or : undefined;
  const setMembers = (list: GuardExpr[]) => onChange('and' in guard ? { and: list } : { or: list });
  return (
    <div className={`lc-guard lc-guard--${kind.kind}`} data-testid="guard-node" data-kind={kind.kind === 'named' ? kind.type : kind.kind} data-depth={depth}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="lc-row">
          <select id={id} data-testid="guard-kind" value={kindValue(kind)} onChange={(e) => onChange(changeGuardKind(guard, parseKind(e.target.value), makeNamed))}>
            {!known && kind.kind === 'named' && <option value={kindValue(kind)}>{kind.type} ({text(lang, 'lifecycle.unknownSpec')})</option>}
            <optgroup label={text(lang, 'lifecycle.guard')}>
              {Object.entries(specs).map(([type, s]) => <option key={type} value={`named:${type}`}>{s.label[lang]} ({type})</option>)}
            </optgroup>
            <optgroup label={text(lang, 'lifecycle.guardKind')}>
              <option value="and">{text(lang, 'lifecycle.guardAnd')}</option>
              <option value="or">{text(lang, 'lifecycle.guardOr')}</option>
              <option value="not">{text(lang, 'lifecycle.guardNot')}</option>
            </optgroup>
          </select>
          {onRemove && <button type="button" className="link" data-testid="guard-remove-member" onClick={onRemove}>{text(lang, 'lifecycle.removeMember')}</button>}
        </div>
      </div>
      {spec && <p className="muted small">{spec.description[lang]}</p>}
      {spec && kind.kind === 'named' && 'type' in guard && paramFields(spec).map((f) => (
        <ParamFieldInput key={f.key} field={f} scope={scope} lang={lang} value={guard.params?.[f.key]}
          onChange={(v) => {
            const params: Json = { ...guard.params };
            if (v === undefined) delete params[f.key]; else params[f.key] = v;
            onChange({ type: guard.type, params });
          }} />
      ))}
      {members && (
        <div className="lc-guard__members">
          {members.map((m, i) => (
            <GuardNode key={i} guard={m} depth={depth + 1} specs={specs} scope={scope} lang={lang} label={text(lang, 'lifecycle.memberN', { n: i + 1 })}
              onChange={(g) => setMembers(members.map((x, j) => (j === i ? g : x)))}
              onRemove={members.length > 1 ? () => setMembers(members.filter((_, j) => j !== i)) : undefined} />
          ))}
          <button type="button" data-testid="guard-add-member" onClick={() => setMembers([...members, makeNamed(Object.keys(specs)[0]!)])}>+ {text(lang, 'lifecycle.addMember')}</button>
        </div>
      )}
      {'not' in guard && (
        <div className="lc-guard__members">
          <GuardNode guard={guard.not} depth={depth + 1} specs={specs} scope={scope} lang={lang} label={text(lang, 'lifecycle.memberN', { n: 1 })} onChange={(g) => onChange({ not: g })} />
        </div>
      )}
    </div>
  );
}

export function GuardForm({ guard, onChange, specs, scope, lang }: GuardFormProps) {
  const id = useId();
  if (guard === undefined) {
    return (
      <div className="field lc-guard-form" data-testid="guard-form">
        <label htmlFor={id}>{text(lang, 'lifecycle.guard')}</label>
        <select id={id} data-testid="guard-kind" value="" onChange={(e) => {
          const type = e.target.value;
          const spec = specs[type];
          if (spec) onChange({ type, params: defaultParams(spec, scope) });
        }}>
          <option value="">{text(lang, 'lifecycle.noGuardOption')}</option>
          {Object.entries(specs).map(([type, s]) => <option key={type} value={type}>{s.label[lang]} ({type})</option>)}
        </select>
      </div>
    );
  }
  return (
    <div className="lc-guard-form" data-testid="guard-form">
      <GuardNode guard={guard} onChange={onChange} specs={specs} scope={scope} lang={lang} depth={0} label={text(lang, 'lifecycle.guard')} />
      <button type="button" className="link" data-testid="guard-clear" onClick={() => onChange(undefined)}>{text(lang, 'lifecycle.removeGuard')}</button>
    </div>
  );
}
