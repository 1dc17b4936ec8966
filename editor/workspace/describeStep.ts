/**
 * The words of a history step, in both languages: the command's label followed by what it acted on, read from the
 * diff — "Xoá điều kiện «Tuổi … từ 33 trở lên» trong tc350-ratings", "Sửa quy tắc tc-lecturer", "Sửa lớp trong
 * kế hoạch (ha-noi-2024)". Pure; the undo and redo buttons show it.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { LeafCondition } from '../../engine/documents/ruleset.ts';
import { describeCondition } from '../../engine/rules/describeCondition.ts';
import type { Diff } from './createHistory.ts';
import { lookupIn, type RecordLookup } from './historyDocuments.ts';
import type { CondRecord, Records, WorkspaceRecord } from './records.ts';

/** The generic label of a step saved before steps had labels of their own. */
export const GENERIC_STEP_LABEL: Label = { vi: 'Thay đổi', en: 'Change' };

const IN: Label = { vi: 'trong', en: 'in' };

const both = (f: (lang: 'vi' | 'en') => string): Label => ({ vi: f('vi'), en: f('en') });

function leafOf(r: CondRecord): LeafCondition | undefined {
  if (r.node.op !== 'leaf') return undefined;
  const { op: _op, ...leaf } = r.node;
  return leaf as LeafCondition;
}

/** What the step acted on: a condition (in words) in its rule, a rule, a plan, a lifecycle…; `undefined` when nothing names it. */
function subjectOf(diff: Diff, lookup: RecordLookup): Label | undefined {
  const changed = [...diff.values()].map(([before, after]) => ({ before, after, r: (after ?? before) as WorkspaceRecord }));
  const conds = changed.filter((c) => c.r.type === 'cond');
  if (conds.length > 0) {
    // Prefer a condition added or removed, else a changed one; a leaf says more than a group.
    const ranked = [...conds].sort((a, b) => rank(a) - rank(b));
    const cond = ranked[0]!;
    const rec = cond.r as CondRecord;
    const leaf = leafOf(rec);
    const rule = lookup(rec.rule);
    const ruleName = rule?.type === 'rule' ? rule.data.id : undefined;
    return both((lang) => [leaf ? `«${describeCondition(leaf, lang)}»` : '', ruleName ? `${IN[lang]} ${ruleName}` : ''].filter(Boolean).join(' '));
  }
  const rules = changed.filter((c) => c.r.type === 'rule');
  if (rules.length === 1) { const r = rules[0]!.r; return r.type === 'rule' ? both(() => r.data.id) : undefined; }
  const head = changed.find((c) => ['ruleset', 'plan', 'lifecycle', 'golden', 'version'].includes(c.r.type))?.r
    ?? lifecycleOfPart(changed.map((c) => c.r), lookup);
  const planOfClass = changed.find((c) => c.r.type === 'plan-class')?.r;
  if (!head && planOfClass?.type === 'plan-class') {
    const plan = lookup(planOfClass.plan);
    return both(() => `(${plan?.type === 'plan' ? String(plan.meta.id ?? plan.id) : planOfClass.plan})`);
  }
  if (!head) {
    // A layout step (a drag, auto-layout, collapse) names the canvas's document.
    const layout = changed.find((c) => c.r.type === 'layout')?.r;
    const owner = layout?.type === 'layout' ? lookup(layout.owner) : undefined;
    if (owner?.type === 'ruleset') return both(() => `(${owner.meta.regulation.code})`);
    if (owner?.type === 'lifecycle') return both(() => `(${String(owner.meta.id ?? owner.id)})`);
    return undefined;
  }
  const name = head.type === 'ruleset' ? head.meta.regulation.code
    : head.type === 'golden' ? head.doc.ruleset
      : head.type === 'version' ? head.name
        : head.type === 'plan' ? String(head.meta.id ?? head.id)
          : head.type === 'lifecycle' ? String(head.meta.id ?? head.id) : head.id;
  return both(() => `(${name})`);
}

/** The lifecycle a step on its states or transitions only acted on. */
function lifecycleOfPart(changed: readonly WorkspaceRecord[], lookup: RecordLookup): WorkspaceRecord | undefined {
  const part = changed.find((r) => r.type === 'state' || r.type === 'transition');
  const head = part && (part.type === 'state' || part.type === 'transition') ? lookup(part.lifecycle) : undefined;
  return head?.type === 'lifecycle' ? head : undefined;
}

function rank(c: { before: WorkspaceRecord | undefined; after: WorkspaceRecord | undefined; r: WorkspaceRecord }): number {
  const leaf = c.r.type === 'cond' && c.r.node.op === 'leaf' ? 0 : 1;
  const addedOrRemoved = c.before === undefined || c.after === undefined ? 0 : 2;
  return leaf + addedOrRemoved;
}

/** The label of a step: the command's label and what it acted on. `before` is the workspace before the step. */
export function describeStep(label: Label, diff: Diff, before: Records): Label {
  const subject = subjectOf(diff, lookupIn(diff, before));
  if (!subject) return label;
  return { vi: `${label.vi} ${subject.vi}`.trim(), en: `${label.en} ${subject.en}`.trim() };
}
