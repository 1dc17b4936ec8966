/**
 * The typed forms of guard and action parameters, pure (no React): what each parameter of a registered spec is —
 * a state of the class or the learner lifecycle, a learner event, an amount (a number or a document parameter of the
 * same unit), a choice among an enum's values, a date mark, a text or a yes/no — read from the spec's zod schema
 * (as JSON Schema) and its references (`states`, `learnerEvents`, `units`, `dateMarks`). The inspector draws a
 * field per entry, so a policy officer picks values instead of writing JSON; whatever the form writes is still
 * checked by `validateLifecycle`.
 */
import { z } from 'zod/mini';
import { isNamedGuard, type GuardExpr, type LifecycleSubject, type ParameterUnit } from '../../engine/documents/lifecycle.ts';
import type { LifecycleRegistry } from '../../engine/lifecycle/types.ts';

type Json = Record<string, unknown>;

interface FieldBase { key: string; required: boolean }
export type ParamField =
  | FieldBase & { kind: 'state'; of: LifecycleSubject; multiple: boolean }
  | FieldBase & { kind: 'learner-event' }
  | FieldBase & { kind: 'amount'; unit: ParameterUnit | null }
  | FieldBase & { kind: 'choice'; options: readonly string[] }
  | FieldBase & { kind: 'date-mark' }
  | FieldBase & { kind: 'boolean' }
  | FieldBase & { kind: 'number' }
  | FieldBase & { kind: 'text' };

/** A registered guard or action as the forms see it (labels, description, schema and references). */
export type SpecLike = LifecycleRegistry['class']['guards'][string] | LifecycleRegistry['learner']['guards'][string]
  | LifecycleRegistry['class']['actions'][string] | LifecycleRegistry['learner']['actions'][string];

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const cache = new WeakMap<object, ParamField[]>();

/** The fields of a spec's parameters, in the order its schema declares them. */
export function paramFields(spec: SpecLike): ParamField[] {
  const hit = cache.get(spec);
  if (hit) return hit;
  const schema = z.toJSONSchema(spec.params, { io: 'input', unrepresentable: 'any' }) as Json;
  const properties = isObj(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required as string[] : []);
  const fields = Object.entries(properties).map(([key, prop]): ParamField => {
    const base = { key, required: required.has(key) };
    const p = isObj(prop) ? prop : {};
    const stateRef = spec.states?.find((s) => s.key === key);
    if (stateRef) return { ...base, kind: 'state', of: stateRef.of, multiple: p.type === 'array' };
    if (spec.learnerEvents?.includes(key)) return { ...base, kind: 'learner-event' };
    if (spec.dateMarks?.includes(key)) return { ...base, kind: 'date-mark' };
    if (spec.units && Object.hasOwn(spec.units, key)) return { ...base, kind: 'amount', unit: spec.units[key]! };
    if (Array.isArray(p.anyOf)) return { ...base, kind: 'amount', unit: null };
    if (Array.isArray(p.enum)) return { ...base, kind: 'choice', options: p.enum.map(String) };
    if (p.type === 'boolean') return { ...base, kind: 'boolean' };
    if (p.type === 'number' || p.type === 'integer') return { ...base, kind: 'number' };
    return { ...base, kind: 'text' };
  });
  cache.set(spec, fields);
  return fields;
}

/** What the forms can offer for a transition of one lifecycle: the states, events, parameters and marks in reach. */
export interface FormScope {
  subject: LifecycleSubject;
  /** State ids with their labels, of this lifecycle and (for a class lifecycle) of its learners'. */
  states: Readonly<Record<LifecycleSubject, ReadonlyArray<{ id: string; label: string }>>>;
  learnerEvents: ReadonlyArray<{ type: string; label: string }>;
  /** The document's parameters, with unit and label. */
  parameters: ReadonlyArray<{ name: string; unit: string; label: string }>;
  /** The names `stampDate` records anywhere in the document. */
  dateMarks: readonly string[];
}

/** Every `stampDate` name written in a lifecycle document, sorted. */
export function stampedMarks(doc: Json): string[] {
  const marks = new Set<string>();
  const states = isObj(doc.states) ? doc.states : {};
  for (const s of Object.values(states)) {
    if (!isObj(s) || !isObj(s.on)) continue;
    for (const list of Object.values(s.on)) {
      if (!Array.isArray(list)) continue;
      for (const t of list) {
        if (!isObj(t) || !Array.isArray(t.actions)) continue;
        for (const a of t.actions) if (isObj(a) && a.type === 'stampDate' && isObj(a.params) && typeof a.params.name === 'string') marks.add(a.params.name);
      }
    }
  }
  return [...marks].sort();
}

/**
 * Parameters a newly picked guard or action starts with: the first state, event or mark in scope, the first document
 * parameter of the right unit for an amount (else 0). Optional fields stay unset unless the schema needs one of them
 * (the learner count needs a minimum or a maximum).
 */
export function defaultParams(spec: SpecLike, scope: FormScope): Json {
  const fields = paramFields(spec);
  const valueFor = (f: ParamField): unknown => {
    switch (f.kind) {
      case 'state': { const first = scope.states[f.of][0]?.id ?? ''; return f.multiple ? [first] : first; }
      case 'learner-event': return scope.learnerEvents[0]?.type ?? '';
      case 'date-mark': return scope.dateMarks[0] ?? 'mark';
      case 'amount': { const p = scope.parameters.find((x) => x.unit === f.unit); return p ? { param: p.name } : 0; }
      case 'choice': return f.options[0];
      case 'boolean': return false;
      case 'number': return 0;
      case 'text': return '';
    }
  };
  const params: Json = {};
  for (const f of fields) if (f.required) params[f.key] = valueFor(f);
  for (const f of fields) {
    if (spec.params.safeParse(params).success) break;
    if (!f.required && f.kind === 'amount') params[f.key] = valueFor(f);
  }
  return params;
}

/** The guard kinds the form offers: a registered guard by name, or a combination. */
export type GuardKind = { kind: 'named'; type: string } | { kind: 'and' } | { kind: 'or' } | { kind: 'not' };

export function guardKind(g: GuardExpr): GuardKind {
  if (isNamedGuard(g)) return { kind: 'named', type: g.type };
  if ('and' in g) return { kind: 'and' };
  if ('or' in g) return { kind: 'or' };
  return { kind: 'not' };
}

/**
 * The guard after its kind is changed in the form: "not" wraps the guard; "all of" / "any of" keep the members of a
 * combination, or take the guard as their first member, so changing a kind loses nothing; a named guard picked in
 * place of another starts from its defaults (undo brings the old one back).
 */
export function changeGuardKind(g: GuardExpr, to: GuardKind, makeNamed: (type: string) => GuardExpr): GuardExpr {
  const current = guardKind(g);
  if (to.kind === 'named') return current.kind === 'named' && current.type === to.type ? g : makeNamed(to.type);
  if (current.kind === to.kind) return g;
  if (to.kind === 'not') return { not: g };
  const members = 'and' in g ? g.and : 'or' in g ? g.or : [g];
  return to.kind === 'and' ? { and: members } : { or: members };
}

const labelIn = (v: unknown, lang: 'vi' | 'en', fallback: string): string => (isObj(v) && typeof v[lang] === 'string' && v[lang] ? v[lang] as string : fallback);
const statesOf = (doc: Json | undefined, lang: 'vi' | 'en') => (doc && isObj(doc.states)
  ? Object.entries(doc.states).map(([id, s]) => ({ id, label: labelIn(isObj(s) ? s.label : undefined, lang, id) })) : []);

/**
 * The scope of the forms for a lifecycle document: its own states, and for a class lifecycle the states and events of
 * the learner lifecycle it hosts (`learnerDoc`); for a learner lifecycle both kinds of state are its own.
 */
export function formScope(doc: Json, learnerDoc: Json | undefined, lang: 'vi' | 'en'): FormScope {
  const subject: LifecycleSubject = doc.subject === 'learner' ? 'learner' : 'class';
  const own = statesOf(doc, lang);
  const learner = subject === 'learner' ? own : statesOf(learnerDoc, lang);
  const learnerEventsDoc = subject === 'learner' ? doc : learnerDoc;
  const learnerEvents = learnerEventsDoc && isObj(learnerEventsDoc.events)
    ? Object.entries(learnerEventsDoc.events).map(([type, e]) => ({ type, label: labelIn(isObj(e) ? e.label : undefined, lang, type) })) : [];
  const parameters = isObj(doc.parameters)
    ? Object.entries(doc.parameters).filter(([, p]) => isObj(p)).map(([name, p]) => ({ name, unit: String((p as Json).unit), label: labelIn((p as Json).label, lang, name) })) : [];
  return { subject, states: { class: subject === 'class' ? own : [], learner }, learnerEvents, parameters, dateMarks: stampedMarks(doc) };
}
