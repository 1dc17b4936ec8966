/**
 * The coverage map of one regulation: every provision of its outline → the rules that cite it (`rule.provisions`)
 * → the golden cases in which each rule was checked and passed, and checked and failed → a status per provision.
 * Pure: the ruleset, the outline and the golden-case reports are inputs (the CLI runs the cases from files, the
 * editor from its workspace), so an edited rule shows at once.
 *
 * Statuses of a provision (a partition: `counts` adds up to the provisions counted):
 * - `not-encoded`: no rule cites it and no ruleset field encodes it;
 * - `assumed`: encoded, but the provision is `assumed` in the outline or a rule that encodes it is `assumed`;
 * - `tested`: encoded, not assumed, and every rule that encodes it has a golden case passing and one failing;
 * - `encoded`: encoded otherwise (a rule lacks a case either way, or the provision is encoded by ruleset data).
 * A provision with children that no rule cites is a heading (`group`): shown, not counted.
 * Rules of a level the regulation does not regulate (`regulation.levels`) stay unused: listed apart, not counted.
 */
import type { Confidence, Label, TrainingLevel } from '../documents/enums.ts';
import { TRAINING_LEVELS } from '../documents/enums.ts';
import { flattenProvisions, type Provision, type RegulationOutline } from '../documents/regulationOutline.ts';
import type { Rule, Ruleset } from '../documents/ruleset.ts';
import { goldenCoverage, type GoldenReport } from '../rules/runGoldenCases.ts';

/** Provision statuses, from best to worst; the order of every table and count. */
export const PROVISION_STATUSES = ['tested', 'encoded', 'assumed', 'not-encoded'] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

export interface RuleCoverage {
  rule: string;
  level: TrainingLevel;
  kind: Rule['kind'];
  title: Label;
  confidence: Confidence;
  /** The provision keys the rule cites, as written (unknown ones included). */
  provisions: string[];
  /** Cited keys that are not in the outline. */
  unknownProvisions: string[];
  /** Golden case ids in which the rule was checked and passed / failed. */
  passedIn: string[];
  failedIn: string[];
  /** False for a rule of a level the regulation does not regulate. */
  inScope: boolean;
}

export interface ProvisionCoverage {
  provision: Provision;
  parent: string | undefined;
  depth: number;
  /** Keys of the direct children. */
  children: string[];
  /** Ids of the in-scope rules citing this provision, in ruleset order. */
  rules: string[];
  /** `group`: a heading no rule cites, with children (not counted). */
  status: ProvisionStatus | 'group';
  /** Every rule that encodes it has a golden case passing and one failing (false when no rule encodes it). */
  tested: boolean;
}

export interface Coverage {
  regulation: string;
  ruleset: string;
  /** Depth first, in outline order. */
  provisions: ProvisionCoverage[];
  /** In ruleset order. */
  rules: RuleCoverage[];
  counts: Record<ProvisionStatus, number>;
  /** Keys of provisions no rule and no ruleset field encodes. */
  notEncoded: string[];
  /** In-scope rules citing no provision. */
  uncitedRules: string[];
  /** Citations of keys the outline does not have. */
  unknownCitations: Array<{ rule: string; key: string }>;
  /** In-scope rules without a golden case passing, or failing, or both. */
  untestedRules: Array<{ rule: string; missing: Array<'passing' | 'failing'> }>;
  /** Rules of a level outside `regulation.levels`. */
  outOfScopeRules: string[];
  /** Number of golden cases that produced a verdict of this ruleset. */
  cases: number;
}

export interface CoverageInput {
  ruleset: Ruleset;
  outline: RegulationOutline;
  /** Golden-case reports (any files: rules are matched by id). */
  golden: readonly GoldenReport[];
}

export function buildCoverage({ ruleset, outline, golden }: CoverageInput): Coverage {
  const flat = flattenProvisions(outline);
  const known = new Set(flat.map((f) => f.provision.key));
  const levels = new Set<TrainingLevel>(ruleset.regulation.levels ?? TRAINING_LEVELS);
  const cov = goldenCoverage(golden);

  const rules: RuleCoverage[] = ruleset.rules.map((r) => {
    const provisions = [...new Set(r.provisions ?? [])];
    const hit = cov.get(r.id);
    return {
      rule: r.id, level: r.level, kind: r.kind, title: r.title, confidence: r.confidence, provisions,
      unknownProvisions: provisions.filter((k) => !known.has(k)),
      passedIn: hit?.passedIn ?? [], failedIn: hit?.failedIn ?? [], inScope: levels.has(r.level),
    };
  });
  const inScope = rules.filter((r) => r.inScope);

  const citing = new Map<string, RuleCoverage[]>();
  for (const r of inScope) for (const k of r.provisions) citing.set(k, [...(citing.get(k) ?? []), r]);
  const isTested = (r: RuleCoverage) => r.passedIn.length > 0 && r.failedIn.length > 0;

  const counts = Object.fromEntries(PROVISION_STATUSES.map((s) => [s, 0])) as Record<ProvisionStatus, number>;
  const provisions: ProvisionCoverage[] = flat.map(({ provision: p, parent, depth }) => {
    const by = citing.get(p.key) ?? [];
    const tested = by.length > 0 && by.every(isTested);
    const status = statusOf(p, by, tested);
    if (status !== 'group') counts[status] += 1;
    return { provision: p, parent, depth, children: (p.children ?? []).map((c) => c.key), rules: by.map((r) => r.rule), status, tested };
  });

  const caseIds = new Set<string>();
  for (const report of golden) {
    for (const res of report.results) if ('ruleset' in res.actual && res.actual.ruleset === ruleset.id) caseIds.add(`${report.file}#${res.id}`);
  }

  return {
    regulation: ruleset.regulation.code,
    ruleset: ruleset.id,
    provisions,
    rules,
    counts,
    notEncoded: provisions.filter((p) => p.status === 'not-encoded').map((p) => p.provision.key),
    uncitedRules: inScope.filter((r) => r.provisions.length === 0).map((r) => r.rule),
    unknownCitations: rules.flatMap((r) => r.unknownProvisions.map((key) => ({ rule: r.rule, key }))),
    untestedRules: inScope.filter((r) => !isTested(r)).map((r) => ({
      rule: r.rule,
      missing: [...(r.passedIn.length === 0 ? ['passing' as const] : []), ...(r.failedIn.length === 0 ? ['failing' as const] : [])],
    })),
    outOfScopeRules: rules.filter((r) => !r.inScope).map((r) => r.rule),
    cases: caseIds.size,
  };
}

function statusOf(p: Provision, by: readonly RuleCoverage[], tested: boolean): ProvisionStatus | 'group' {
  if (by.length === 0) {
    if (p.scopeOnly !== undefined) return p.confidence === 'assumed' ? 'assumed' : 'encoded';
    return (p.children?.length ?? 0) > 0 ? 'group' : 'not-encoded';
  }
  if (p.confidence === 'assumed' || by.some((r) => r.confidence === 'assumed')) return 'assumed';
  return tested ? 'tested' : 'encoded';
}

/** What `--fail-on` can check. */
export const COVERAGE_FAIL_ON = ['uncovered', 'untested', 'assumed'] as const;
export type CoverageFailOn = (typeof COVERAGE_FAIL_ON)[number];

/**
 * Whether the coverage shows the condition: `uncovered` — a provision no rule encodes, a rule citing no provision
 * or an unknown one; `untested` — a rule without a golden case passing or failing; `assumed` — an assumed provision.
 */
export function coverageFails(c: Coverage, on: CoverageFailOn): boolean {
  if (on === 'uncovered') return c.notEncoded.length > 0 || c.uncitedRules.length > 0 || c.unknownCitations.length > 0;
  if (on === 'untested') return c.untestedRules.length > 0;
  return c.counts.assumed > 0;
}

/** The provisions a rule cites that the outline has, with their coverage (for "which provision is this rule?"). */
export function provisionsOfRule(c: Coverage, ruleId: string): ProvisionCoverage[] {
  const rule = c.rules.find((r) => r.rule === ruleId);
  if (!rule) return [];
  return rule.provisions.flatMap((k) => c.provisions.filter((p) => p.provision.key === k));
}
