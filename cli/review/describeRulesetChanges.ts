/**
 * A ruleset's structural changes for a review, from the engine's `diffRulesets` (the diff the editor's versions
 * panel shows): thresholds old → new with the rule's level and modes, subject groups added and removed by title,
 * other rules added and removed, citation and confidence changes, and every other change as its line.
 */
import { citationIn } from '../../engine/documents/ruleset.ts';
import { LABELS, type Label } from '../../engine/documents/enums.ts';
import type { Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import type { PositionName } from '../../engine/rules/describeCondition.ts';
import { diffRulesets, type RuleRef } from '../../engine/rules/diffRulesets.ts';
import { noChanges, type RuleMention, type StructuralChanges } from './reviewModel.ts';

const both = (f: (lang: 'vi' | 'en') => string): Label => ({ vi: f('vi'), en: f('en') });

/** "trung cấp, không tập trung" / "intermediate, part-time"; a rule without modes applies to both. */
export function ruleScope(rule: Pick<Rule, 'level' | 'modes'>): Label {
  return both((l) => {
    const level = LABELS.theoryLevel[rule.level][l];
    const modes = rule.modes?.map((m) => LABELS.mode[m][l]).join(l === 'vi' ? ' và ' : ' and ');
    return modes ? `${level}, ${modes}` : `${level}, ${l === 'vi' ? 'mọi hình thức' : 'all modes'}`;
  });
}

function mention(r: RuleRef, rules: readonly Rule[]): RuleMention {
  const rule = rules[r.path[1] as number];
  return {
    rule: r.id, kind: r.kind, title: { vi: r.title.vi, en: r.title.en },
    citation: both((l) => citationIn(r.citation, l)),
    scope: rule ? ruleScope(rule) : both((l) => LABELS.theoryLevel[r.level][l]),
    confidence: rule?.confidence ?? 'assumed',
  };
}

/** The structural changes from `before` to `after`; `positionName` names position codes in the condition texts. */
export function describeRulesetChanges(before: Ruleset, after: Ruleset, positionName?: PositionName): StructuralChanges {
  const d = diffRulesets(before, after, positionName ? { positionName } : {});
  const out = noChanges();
  const ruleName = (r: RuleRef) => both((l) => `${r.id} (${citationIn(r.citation, l)})`);
  for (const r of d.added) (r.kind === 'subject' ? out.groupsAdded : out.rulesAdded).push(mention(r, after.rules));
  for (const r of d.removed) (r.kind === 'subject' ? out.groupsRemoved : out.rulesRemoved).push(mention(r, before.rules));
  for (const c of d.regulation) out.other.push(both((l) => `${l === 'vi' ? 'Văn bản' : 'Regulation'} — ${c.text[l]}`));
  for (const g of d.subjectGroups) {
    if (g.fields.length === 0) out.other.push(g.text);
    for (const f of g.fields) {
      const line = both((l) => `${g.text[l]} — ${f.text[l]}`);
      if (f.field === 'citation') out.citations.push({ rule: `subjectGroups.${g.level}`, text: line });
      else if (f.field === 'confidence') out.confidence.push({ rule: `subjectGroups.${g.level}`, text: line });
      else out.other.push(line);
    }
  }
  for (const r of d.changed) {
    const rule = after.rules[r.afterIndex]!;
    const name = ruleName(r);
    for (const f of r.fields) {
      const line = { rule: r.id, text: both((l) => `${name[l]} — ${f.text[l]}`) };
      if (f.field === 'citation') out.citations.push(line);
      else if (f.field === 'confidence') out.confidence.push(line);
      else out.other.push(line.text);
    }
    for (const c of r.conditions) {
      if (c.kind === 'threshold') {
        out.thresholds.push({ rule: r.id, ruleTitle: { vi: r.title.vi, en: r.title.en }, scope: ruleScope(rule), confidence: rule.confidence, text: c.text, before: c.before, after: c.after });
      } else {
        out.other.push(both((l) => `${name[l]} — ${c.text[l]}`));
      }
    }
  }
  for (const m of d.tierMoves) out.other.push(both((l) => `${ruleName(m)[l]} — ${m.text[l]}`));
  return out;
}
