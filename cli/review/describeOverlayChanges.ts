/**
 * An overlay file's changes for a review, in words a policy reader understands: each change added, removed or
 * altered between the two sides, with its decision and the date it applies from; and what the overlay does to its
 * base (thresholds old → new, subject groups and rules added, rules disabled), from the engine's ruleset diff of the
 * base with the overlay's changes applied (every change, whatever its date) — against the base alone for a new
 * overlay, against the old overlay's effect otherwise. Changes are matched by what they touch (`op` and rule, and
 * the condition for a threshold), so reordering them is no change.
 */
import { formatDate } from '../../engine/documents/dates.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { changeDecision, type Overlay, type OverlayChange } from '../../engine/documents/overlay.ts';
import type { Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import { applyChanges } from '../../engine/overlays/applyChanges.ts';
import type { PositionName } from '../../engine/rules/describeCondition.ts';
import { sameValue } from '../../engine/rules/diffConditions.ts';
import { describeRulesetChanges } from './describeRulesetChanges.ts';
import type { OverlayChangeLine, StructuralChanges } from './reviewModel.ts';

const both = (f: (l: 'vi' | 'en') => string): Label => ({ vi: f('vi'), en: f('en') });
const targetOf = (c: OverlayChange): string => (c.op === 'add' || c.op === 'replace' ? c.rule.id : c.rule);
const keyOf = (c: OverlayChange): string => `${c.op}:${targetOf(c)}${c.op === 'threshold' ? `:${c.at}` : ''}`;
const value = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The base with every change of `overlay` applied (what the overlay says once all of it applies). */
export function overlayEffect(base: Ruleset, overlay: Overlay): Ruleset {
  const rules = applyChanges(base, overlay.changes.map((change, index) => ({ overlay, change, index }))).rules;
  return { ...base, rules: rules.map(({ layer: _layer, ...r }): Rule => r) };
}

function what(c: OverlayChange, base: Ruleset | undefined, l: 'vi' | 'en'): string {
  const vi = l === 'vi';
  const title = (id: string) => base?.rules.find((r) => r.id === id)?.title[l];
  const named = (id: string) => (title(id) ? `"${title(id)}" [${id}]` : `[${id}]`);
  switch (c.op) {
    case 'add': return `${vi ? (c.rule.kind === 'subject' ? 'thêm nhóm đối tượng' : 'thêm quy tắc') : (c.rule.kind === 'subject' ? 'adds the subject group' : 'adds the rule')} "${c.rule.title[l]}" [${c.rule.id}]`;
    case 'replace': return `${vi ? 'thay quy tắc' : 'replaces the rule'} ${named(c.rule.id)}`;
    case 'disable': return `${vi ? 'bỏ (vô hiệu) quy tắc' : 'disables the rule'} ${named(c.rule)}`;
    case 'threshold': return `${vi ? 'đổi ngưỡng' : 'changes the threshold'} "${c.expects.fact}" ${vi ? 'của quy tắc' : 'of the rule'} ${named(c.rule)}: ${value(c.expects.value)} → ${value(c.value)}`;
  }
}

function under(o: Overlay, c: OverlayChange, l: 'vi' | 'en'): string {
  const d = changeDecision(o, c);
  const act = d ? `${d.number} (${d.issuedBy}, ${l === 'vi' ? 'ký ngày' : 'signed'} ${formatDate(d.signedOn)}${d.illustrative ? `, ${l === 'vi' ? 'minh họa' : 'illustrative'}` : ''})` : `"${c.decision}"`;
  return l === 'vi' ? `theo ${act}, áp dụng từ ${formatDate(c.appliesFrom)}` : `under ${act}, applies from ${formatDate(c.appliesFrom)}`;
}

/** What differs in a change kept on both sides: its decision, its date, its value, its rule's content, its words. */
function altered(b: OverlayChange, h: OverlayChange, ob: Overlay, oh: Overlay, l: 'vi' | 'en'): string[] {
  const vi = l === 'vi';
  const out: string[] = [];
  const db = changeDecision(ob, b)?.number ?? b.decision;
  const dh = changeDecision(oh, h)?.number ?? h.decision;
  if (db !== dh) out.push(`${vi ? 'văn bản' : 'decision'} ${db} → ${dh}`);
  if (b.appliesFrom !== h.appliesFrom) out.push(`${vi ? 'áp dụng từ' : 'applies from'} ${formatDate(b.appliesFrom)} → ${formatDate(h.appliesFrom)}`);
  if (b.op === 'threshold' && h.op === 'threshold' && !sameValue(b.value, h.value)) out.push(`${vi ? 'ngưỡng' : 'threshold'} ${value(b.value)} → ${value(h.value)}`);
  if ((b.op === 'add' || b.op === 'replace') && (h.op === 'add' || h.op === 'replace') && !sameValue(b.rule, h.rule)) out.push(vi ? 'nội dung quy tắc' : 'the rule’s content');
  if (out.length === 0) out.push(vi ? 'lời văn, ghi chú hoặc dữ kiện đối chiếu với bộ gốc' : 'its wording, note or what it expects of the base');
  return out;
}

/** One line per change added, removed or altered from `before` (absent: a new overlay) to `after`. */
export function overlayChangeLines(before: Overlay | undefined, after: Overlay, base: Ruleset | undefined): OverlayChangeLine[] {
  const old = new Map((before?.changes ?? []).map((c) => [keyOf(c), c]));
  const lines: OverlayChangeLine[] = [];
  const line = (change: OverlayChangeLine['change'], o: Overlay, c: OverlayChange, text: Label): OverlayChangeLine => {
    const d = changeDecision(o, c);
    return {
      change, op: c.op, rule: targetOf(c), decision: c.decision, ...(d ? { number: d.number } : {}), appliesFrom: c.appliesFrom,
      ...(o.illustrative || d?.illustrative ? { illustrative: true as const } : {}), text,
    };
  };
  for (const c of after.changes) {
    const b = old.get(keyOf(c));
    old.delete(keyOf(c));
    if (!b) {
      lines.push(line('added', after, c, both((l) => `${l === 'vi' ? 'Thêm thay đổi' : 'New change'}: ${what(c, base, l)} — ${under(after, c, l)}`)));
    } else if (!sameValue(b, c)) {
      lines.push(line('altered', after, c, both((l) => `${l === 'vi' ? 'Sửa thay đổi' : 'Changed'}: ${what(c, base, l)} — ${under(after, c, l)}; ${l === 'vi' ? 'khác' : 'differs in'}: ${altered(b, c, before!, after, l).join(', ')}`)));
    }
  }
  for (const c of old.values()) {
    lines.push(line('removed', before!, c, both((l) => `${l === 'vi' ? 'Bỏ thay đổi' : 'Change withdrawn'}: ${what(c, base, l)} — ${l === 'vi' ? 'trước đây' : 'was'} ${under(before!, c, l)}`)));
  }
  return lines;
}

/**
 * What the overlay does to `base`, before → after: thresholds, groups and rules added, rules disabled (a base rule
 * the head overlay removes is disabled, not deleted from the regulation).
 */
export function describeOverlayEffect(before: Overlay | undefined, after: Overlay, base: Ruleset, positionName?: PositionName): StructuralChanges {
  const from = before && before.extends === base.id ? overlayEffect(base, before) : base;
  const out = describeRulesetChanges(from, overlayEffect(base, after), positionName);
  // A rule the overlay brings is cited under its decision, not the base's regulation (as a verdict's failure is).
  for (const m of [...out.groupsAdded, ...out.rulesAdded]) {
    const made = after.changes.find((c) => (c.op === 'add' || c.op === 'replace') && c.rule.id === m.rule);
    const number = made ? changeDecision(after, made)?.number : undefined;
    if (number) m.citation = { vi: m.citation.vi.replace(base.regulation.code, number), en: m.citation.en.replace(base.regulation.code, number) };
  }
  const disabled = new Set(after.changes.filter((c) => c.op === 'disable').map((c) => c.rule));
  for (const list of [out.rulesRemoved, out.groupsRemoved]) {
    for (let i = list.length - 1; i >= 0; i--) {
      if (disabled.has(list[i]!.rule)) out.rulesDisabled.unshift(...list.splice(i, 1));
    }
  }
  return out;
}

/** Changes of a raw overlay that name no decision it carries (for the review's exit code even when the schema fails). */
export function changesWithoutDecision(raw: unknown): number[] {
  const o = raw as { decisions?: unknown; changes?: unknown } | undefined;
  const ids = new Set(Array.isArray(o?.decisions) ? o.decisions.map((d) => (d as { id?: unknown } | null)?.id).filter((x): x is string => typeof x === 'string') : []);
  if (!Array.isArray(o?.changes)) return [];
  return o.changes.flatMap((c, i) => {
    const decision = (c as { decision?: unknown } | null)?.decision;
    return typeof decision === 'string' && ids.has(decision) ? [] : [i];
  });
}
