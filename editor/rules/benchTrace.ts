/**
 * The test bench's light on the canvas: for one cadre and nomination under the ruleset being edited, each rule
 * and condition record marked passed or failed, leaves with the cadre's value in words. Rule marks come from the
 * verdict (the checker decides); condition marks explain them (engine/rules/traceConditions.ts). Pure.
 */
import type { CadreProfile, Nomination } from '../../engine/documents/cadre.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { describeValue } from '../../engine/rules/describeCondition.ts';
import { deriveFacts, indexPositions } from '../../engine/rules/facts.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';
import { applicableRules } from '../../engine/rules/RuleEvaluator.ts';
import { traceConditions } from '../../engine/rules/traceConditions.ts';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';
import type { Catalogues } from '../workspace/analyseRuleset.ts';
import type { RecordId } from '../workspace/records.ts';
import type { BuiltRuleset } from '../workspace/rulesetRecords.ts';

export interface TraceMark {
  passed: boolean;
  /** The cadre's value of the leaf's fact, in words. */
  actualText?: string;
}

const contexts = new WeakMap<Catalogues, Parameters<typeof deriveFacts>[2]>();

export function benchTrace(
  built: BuiltRuleset, verdict: Verdict, profile: CadreProfile, nomination: Nomination, catalogues: Catalogues, lang: Lang,
  positionName: (code: string) => { vi: string; en: string } | undefined,
): Map<RecordId, TraceMark> {
  let ctx = contexts.get(catalogues);
  if (!ctx) { ctx = { positions: indexPositions(catalogues.positions), provinces: indexProvinces(catalogues.institutions) }; contexts.set(catalogues, ctx); }
  const { facts } = deriveFacts(profile, nomination, ctx);
  const bag = facts as unknown as Record<string, unknown>;
  const outcome = new Map(verdict.checked.map((c) => [c.rule, c.passed]));
  const out = new Map<RecordId, TraceMark>();
  const ruleset: Ruleset = built.ruleset;
  const applicable = new Set(applicableRules(ruleset, nomination.level, nomination.mode));
  ruleset.rules.forEach((rule, i) => {
    if (!applicable.has(rule)) return;
    const ruleId = built.nodeAtPath.get(`rules.${i}`);
    if (!ruleId) return;
    const passed = outcome.get(rule.id);
    for (const node of traceConditions(rule.conditions, bag)) {
      const id = built.nodeAtPath.get(['rules', i, 'conditions', ...node.at].join('.'));
      if (!id) continue;
      const leaf = 'actual' in node;
      out.set(id, leaf ? { passed: node.passed, actualText: actualText(leafFact(rule.conditions, node.at), node.actual, lang, positionName) } : { passed: node.passed });
    }
    const rootPassed = out.get(built.nodeAtPath.get(`rules.${i}.conditions`) ?? '')?.passed;
    out.set(ruleId, { passed: passed ?? rootPassed ?? false });
  });
  return out;
}

function leafFact(conditions: unknown, at: readonly (string | number)[]): string {
  let c: unknown = conditions;
  for (const s of at) c = (c as Record<string | number, unknown>)[s];
  return String((c as { fact: unknown }).fact);
}

function actualText(fact: string, value: unknown, lang: Lang, positionName: (code: string) => { vi: string; en: string } | undefined): string {
  if (value === undefined) return text(lang, 'rules.noSuchFact');
  if (Array.isArray(value)) return value.length === 0 ? text(lang, 'rules.emptyList') : value.map((v) => describeValue(fact, v, lang, { positionName }) ?? String(v)).join(', ');
  return describeValue(fact, value, lang, { positionName }) ?? JSON.stringify(value);
}
