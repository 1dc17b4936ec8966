/**
 * Applies overlay changes to a base ruleset's rules, marking every rule with the layer it comes from. What
 * `resolveOverlays` (the changes in force on a date) and `validateOverlay` (every change, to check the result) share.
 * Pure: the base and the overlays are never changed; rules that change are copied.
 */
import { diagnostic, parsePath, type Diagnostic, type PathSegment } from '../diagnostics/Diagnostic.ts';
import type { Decision } from '../documents/decision.ts';
import { changeDecision, type Overlay, type OverlayChange } from '../documents/overlay.ts';
import type { Condition, LeafCondition, Rule, RuleLayer, Ruleset } from '../documents/ruleset.ts';
import { canonical } from '../lifecycle/fingerprint.ts';
import { ruleFingerprint } from './ruleFingerprint.ts';

/** One change to apply, with where it comes from (`index`: its position in `overlay.changes`). */
export interface ChangeRef { overlay: Overlay; change: OverlayChange; index: number }

/** A rule of the effective ruleset and the change that last made it, when an overlay did. */
export interface LayeredRules { rules: Rule[]; madeBy: Map<Rule, ChangeRef>; diagnostics: Diagnostic[] }

/** The layer of a base rule: the base ruleset and the regulation it encodes. */
export function baseLayer(base: Ruleset): RuleLayer {
  return { kind: 'base', id: base.id, decision: base.regulation.code };
}

function overlayLayer(ref: ChangeRef, change: RuleLayer['change']): RuleLayer {
  const d = changeDecision(ref.overlay, ref.change);
  return {
    kind: 'overlay', id: ref.overlay.id, change,
    ...(d ? { decision: d.number } : {}),
    ...(ref.overlay.illustrative || d?.illustrative ? { illustrative: true as const } : {}),
  };
}

/** Where a change sits in its overlay document, for diagnostics: `changes[2]`. */
const at = (ref: ChangeRef, ...rest: PathSegment[]): PathSegment[] => ['changes', ref.index, ...rest];

/** The leaf a path (`any[0].all[1]`) leads to inside a rule's conditions, or `undefined`. */
export function leafAt(conditions: Condition, path: string): LeafCondition | undefined {
  let node: unknown = conditions;
  for (const step of parsePath(path)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<PathSegment, unknown>)[step];
  }
  return typeof node === 'object' && node !== null && 'fact' in node && 'operator' in node ? node as LeafCondition : undefined;
}

/** `conditions` with the leaf at `path` given `value` (copied along the path only). */
function withLeafValue(conditions: Condition, path: readonly PathSegment[], value: unknown): Condition {
  if (path.length === 0) return { ...(conditions as LeafCondition), value };
  const [head, ...rest] = path;
  const node = conditions as unknown as Record<PathSegment, unknown>;
  if (Array.isArray(node)) {
    const copy = [...node] as unknown[];
    copy[head as number] = withLeafValue(copy[head as number] as Condition, rest, value);
    return copy as unknown as Condition;
  }
  return { ...node, [head!]: withLeafValue(node[head!] as Condition, rest, value) } as unknown as Condition;
}

const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * The base's rules with `changes` applied in the given order. A change naming a rule the rules do not have at that
 * point is skipped (`overlay/unknown-rule`); one whose expectation of the base no longer holds is applied and
 * reported (`overlay/base-changed`, `overlay/threshold-changed`); a threshold path that leads to no condition of
 * the expected fact is skipped (`overlay/no-condition`). Diagnostics are warnings here: `validateOverlay` makes
 * them errors of the overlay file.
 */
export function applyChanges(base: Ruleset, changes: readonly ChangeRef[]): LayeredRules {
  const layer = baseLayer(base);
  let rules: Rule[] = base.rules.map((r) => ({ ...r, layer }));
  const madeBy = new Map<Rule, ChangeRef>();
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, path: readonly PathSegment[], message: { vi: string; en: string }, hint?: { vi: string; en: string }) => {
    diagnostics.push(diagnostic(code, 'warning', path, message, hint));
  };
  const find = (id: string) => rules.findIndex((r) => r.id === id);
  for (const ref of changes) {
    const { change } = ref;
    const d: Decision | undefined = changeDecision(ref.overlay, change);
    const by = d ? d.number : change.decision;
    if (change.op === 'add') {
      if (find(change.rule.id) >= 0) {
        warn('overlay/duplicate-rule-id', at(ref, 'rule', 'id'),
          { vi: `Quy tắc "${change.rule.id}" đã có trong ${base.id}: thêm mới không được trùng mã (dùng "replace" để thay).`, en: `Rule "${change.rule.id}" is already in ${base.id}: an added rule needs an id of its own (use "replace" to replace it).` });
        continue;
      }
      const rule: Rule = { ...change.rule, layer: overlayLayer(ref, 'add') };
      const before = change.before === undefined ? -1 : find(change.before);
      if (change.before !== undefined && before < 0) {
        warn('overlay/unknown-rule', at(ref, 'before'), { vi: `Không có quy tắc "${change.before}" trong ${base.id} để chèn trước; quy tắc được thêm vào cuối.`, en: `No rule "${change.before}" in ${base.id} to insert before; the rule is added at the end.` });
      }
      rules = before < 0 ? [...rules, rule] : [...rules.slice(0, before), rule, ...rules.slice(before)];
      madeBy.set(rule, ref);
      continue;
    }
    const id = change.op === 'replace' ? change.rule.id : change.rule;
    const i = find(id);
    if (i < 0) {
      warn('overlay/unknown-rule', at(ref, 'rule', ...(change.op === 'replace' ? ['id'] : [])),
        { vi: `${base.id} không có quy tắc "${id}" để ${change.op === 'disable' ? 'bỏ' : change.op === 'replace' ? 'thay' : 'đổi ngưỡng'} (theo ${by}); thay đổi bị bỏ qua.`, en: `${base.id} has no rule "${id}" to ${change.op === 'disable' ? 'disable' : change.op === 'replace' ? 'replace' : 'change a threshold of'} (under ${by}); the change is skipped.` },
        { vi: 'Bộ gốc có thể đã đổi mã hoặc bỏ quy tắc này: đối chiếu với phiên bản gốc hiện hành.', en: 'The base may have renamed or dropped the rule: check against the current base.' });
      continue;
    }
    const current = rules[i]!;
    if (change.op === 'replace' || change.op === 'disable') {
      const now = ruleFingerprint(current);
      if (now !== change.expects.fingerprint) {
        warn('overlay/base-changed', at(ref, 'expects', 'fingerprint'),
          { vi: `Quy tắc "${id}" của ${base.id} đã khác khi overlay được viết (dấu vân tay ${change.expects.fingerprint}, nay ${now}).`, en: `Rule "${id}" of ${base.id} has changed since the overlay was written (fingerprint ${change.expects.fingerprint}, now ${now}).` },
          { vi: `Đọc lại quy tắc gốc; nếu thay đổi theo ${by} vẫn đúng, ghi expects.fingerprint = "${now}".`, en: `Read the base rule again; if the change under ${by} still holds, set expects.fingerprint to "${now}".` });
      }
      if (change.op === 'disable') { rules = rules.filter((_, k) => k !== i); continue; }
      const rule: Rule = { ...change.rule, layer: overlayLayer(ref, 'replace') };
      rules = rules.map((r, k) => (k === i ? rule : r));
      madeBy.set(rule, ref);
      continue;
    }
    const leaf = leafAt(current.conditions, change.at);
    if (!leaf || leaf.fact !== change.expects.fact) {
      warn('overlay/no-condition', at(ref, 'at'),
        { vi: `Quy tắc "${id}" không có điều kiện về "${change.expects.fact}" tại ${change.at}${leaf ? ` (ở đó là "${leaf.fact}")` : ''}; thay đổi ngưỡng bị bỏ qua.`, en: `Rule "${id}" has no condition on "${change.expects.fact}" at ${change.at}${leaf ? ` (there: "${leaf.fact}")` : ''}; the threshold change is skipped.` });
      continue;
    }
    if (!sameValue(leaf.value, change.expects.value)) {
      warn('overlay/threshold-changed', at(ref, 'expects', 'value'),
        { vi: `Ngưỡng "${change.expects.fact}" của quy tắc "${id}" trong ${base.id} nay là ${JSON.stringify(leaf.value)}, overlay viết khi nó là ${JSON.stringify(change.expects.value)}.`, en: `The "${change.expects.fact}" threshold of rule "${id}" in ${base.id} is now ${JSON.stringify(leaf.value)}; the overlay was written when it was ${JSON.stringify(change.expects.value)}.` },
        { vi: `Xem lại thay đổi theo ${by}: ngưỡng mới ${JSON.stringify(change.value)} có còn chặt hơn bộ gốc không?`, en: `Review the change under ${by}: is the new value ${JSON.stringify(change.value)} still what the act sets?` });
    }
    const rule: Rule = {
      ...current, conditions: withLeafValue(current.conditions, parsePath(change.at), change.value) as Rule['conditions'],
      ...(change.title ? { title: change.title } : {}), ...(change.message ? { message: change.message } : {}),
      layer: overlayLayer(ref, 'threshold'),
    };
    rules = rules.map((r, k) => (k === i ? rule : r));
    madeBy.set(rule, ref);
  }
  return { rules, madeBy, diagnostics };
}
