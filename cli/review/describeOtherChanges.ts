/**
 * Structural changes of the documents other than rulesets, in words: lifecycles (states, transitions, parameters),
 * plans (classes, quotas, parameters), golden-case files (cases added, removed, changed) and catalogues (entries).
 * Read from the raw JSON, so that a head version that does not validate is still described.
 */
import type { Label } from '../../engine/documents/enums.ts';
import { sameValue } from '../../engine/rules/diffConditions.ts';
import { noChanges, type StructuralChanges } from './reviewModel.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Keys added, removed and changed between two records, each as a line `what "key"`. */
function keyed(before: Obj, after: Obj, what: Label, out: Label[], describe?: (key: string, b: unknown, a: unknown) => Label | undefined): void {
  for (const k of Object.keys(after)) if (!Object.hasOwn(before, k)) out.push({ vi: `Thêm ${what.vi} "${k}"`, en: `Added ${what.en} "${k}"` });
  for (const k of Object.keys(before)) if (!Object.hasOwn(after, k)) out.push({ vi: `Bỏ ${what.vi} "${k}"`, en: `Removed ${what.en} "${k}"` });
  for (const k of Object.keys(after)) {
    if (!Object.hasOwn(before, k) || sameValue(before[k], after[k])) continue;
    out.push(describe?.(k, before[k], after[k]) ?? { vi: `Sửa ${what.vi} "${k}"`, en: `Changed ${what.en} "${k}"` });
  }
}

/** Items of two lists matched by `id`. */
function byId(items: unknown): Obj {
  return Object.fromEntries(list(items).filter(isObj).map((x, i) => [typeof x.id === 'string' ? x.id : `#${i + 1}`, x]));
}

/** Top-level fields other than `skip` that changed, as lines. */
function fields(before: Obj, after: Obj, skip: readonly string[], out: Label[]): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.includes(k));
  for (const k of keys) {
    if (sameValue(before[k], after[k])) continue;
    const simple = (v: unknown) => v === undefined || typeof v !== 'object';
    out.push(simple(before[k]) && simple(after[k])
      ? { vi: `Trường ${k}: ${show(before[k])} → ${show(after[k])}`, en: `Field ${k}: ${show(before[k])} → ${show(after[k])}` }
      : { vi: `Sửa trường ${k}`, en: `Changed field ${k}` });
  }
}

/** Values whose JSON is at most this long are shown old → new; longer ones by their field's name. */
const SHORT_JSON = 160;

/** The fields of a record that changed: `maxSize 70 → 69` for plain values, the field's name for the others. */
function fieldEdits(before: Obj, after: Obj): Label {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !sameValue(before[f], after[f]));
  const plain = (v: unknown) => v === undefined || typeof v !== 'object';
  const short = (v: unknown) => plain(v) || show(v).length <= SHORT_JSON;
  const edit = (f: string) => (short(before[f]) && short(after[f]) ? `${f} ${show(before[f])} → ${show(after[f])}` : f);
  const text = keys.map(edit).join('; ');
  return { vi: `sửa ${text}`, en: `changed ${text}` };
}

const DECISION_KEYS = ['revision', 'decisions', 'published'];

const parameter = (k: string, b: unknown, a: unknown): Label => {
  const value = (p: unknown) => show(isObj(p) && 'value' in p ? p.value : p);
  return { vi: `Tham số ${k}: ${value(b)} → ${value(a)}`, en: `Parameter ${k}: ${value(b)} → ${value(a)}` };
};

function lifecycle(before: Obj, after: Obj, out: Label[]): void {
  keyed(obj(before.states), obj(after.states), { vi: 'trạng thái', en: 'state' }, out, (k, b, a) => {
    const bt = obj(obj(b).on);
    const at = obj(obj(a).on);
    const events = [...new Set([...Object.keys(bt), ...Object.keys(at)])].filter((e) => !sameValue(bt[e], at[e]));
    return events.length > 0
      ? { vi: `Trạng thái "${k}": đổi chuyển tiếp theo sự kiện ${events.join(', ')}`, en: `State "${k}": transitions changed on ${events.join(', ')}` }
      : undefined;
  });
  keyed(obj(before.parameters), obj(after.parameters), { vi: 'tham số', en: 'parameter' }, out, parameter);
  keyed(obj(before.events), obj(after.events), { vi: 'sự kiện', en: 'event' }, out);
  fields(before, after, ['states', 'parameters', 'events', ...DECISION_KEYS], out);
}

function plan(before: Obj, after: Obj, out: Label[]): void {
  keyed(byId(before.classes), byId(after.classes), { vi: 'lớp', en: 'class' }, out, (k, b, a) => {
    const changed = fieldEdits(obj(b), obj(a));
    return { vi: `Lớp "${k}": ${changed.vi}`, en: `Class "${k}": ${changed.en}` };
  });
  keyed(obj(before.parameters), obj(after.parameters), { vi: 'tham số', en: 'parameter' }, out, parameter);
  keyed(byId(before.agencies), byId(after.agencies), { vi: 'cơ quan', en: 'agency' }, out);
  fields(before, after, ['classes', 'parameters', 'agencies', ...DECISION_KEYS], out);
}

function golden(before: Obj, after: Obj, out: Label[]): void {
  keyed(byId(before.cases), byId(after.cases), { vi: 'ca kiểm thử', en: 'case' }, out, (k, b, a) => {
    const changed = fieldEdits(obj(b), obj(a));
    return { vi: `Ca kiểm thử "${k}": ${changed.vi}`, en: `Case "${k}": ${changed.en}` };
  });
  fields(before, after, ['cases'], out);
}

function catalogue(before: Obj, after: Obj, out: Label[]): void {
  for (const key of ['positions', 'institutions', 'provinces']) {
    if (before[key] === undefined && after[key] === undefined) continue;
    keyed(byId(before[key]), byId(after[key]), { vi: 'mục', en: 'entry' }, out);
  }
}

/** The changes of a document of `kind` that is not a ruleset, from its raw JSON on each side. */
export function describeOtherChanges(kind: string, before: unknown, after: unknown): StructuralChanges {
  const out = noChanges();
  const b = obj(before);
  const a = obj(after);
  if (kind === 'llct/lifecycle') lifecycle(b, a, out.other);
  else if (kind === 'llct/plan') plan(b, a, out.other);
  else if (kind === 'llct/golden-cases') golden(b, a, out.other);
  else catalogue(b, a, out.other);
  return out;
}

/** JSON paths (`regulation.outOfScope.note.en`) where two values differ, leaves first found, at most `limit`. */
export function differingPaths(before: unknown, after: unknown, limit = 10): { paths: string[]; more: number } {
  const paths: string[] = [];
  let count = 0;
  const walk = (b: unknown, a: unknown, at: string) => {
    if (sameValue(b, a)) return;
    if (isObj(b) && isObj(a)) {
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) walk(b[k], a[k], at ? `${at}.${k}` : k);
      return;
    }
    if (Array.isArray(b) && Array.isArray(a) && b.length === a.length) {
      b.forEach((x, i) => walk(x, a[i], `${at}[${i}]`));
      return;
    }
    count++;
    if (paths.length < limit) paths.push(at || '(document)');
  };
  walk(before, after, '');
  return { paths, more: count - paths.length };
}

/** Whether nothing was described. */
export function isEmpty(c: StructuralChanges): boolean {
  return Object.values(c).every((xs: unknown[]) => xs.length === 0);
}

/** The fallback when no described change covers a difference: the places that differ, as one line each. */
export function placesChanged(before: unknown, after: unknown): Label[] {
  const { paths, more } = differingPaths(before, after);
  return [
    ...paths.map((p) => ({ vi: `Đổi nội dung tại ${p}`, en: `Content changed at ${p}` })),
    ...(more > 0 ? [{ vi: `… và ${more} chỗ khác`, en: `… and ${more} more` }] : []),
  ];
}
