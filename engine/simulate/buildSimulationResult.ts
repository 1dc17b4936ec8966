/**
 * The simulation result document (`llct/simulation`): what the board reads. Every figure as p5 / p50 / p95 over the
 * runs; per class its sizes, dates (as ISO dates), how often it was postponed or cancelled and the sample run's
 * timeline with reasons; per agency, per month, per classification; eligible and ineligible by rule with the rule's
 * article; the parameters used with their sources; and, for the sample run (run 0), every candidate's outcome.
 * JSON-ready (no NaN: a figure that never happened is `null`). Pure.
 */
import type { Seed } from '../generate/createRng.ts';
import { dayToIso } from '../generate/civilDays.ts';
import type { Diagnostic } from '../diagnostics/Diagnostic.ts';
import { TRAINING_LEVELS, type Label } from '../documents/enums.ts';
import { PLAN_PARAMETER_NAMES, PLAN_PARAMETERS } from '../documents/planParameters.ts';
import { formatCitation } from '../documents/ruleset.ts';
import type { Scenario } from './prepareScenario.ts';
import type { RunFigures } from './runFigures.ts';
import type { TimelineEntry } from './runClassTimeline.ts';
import { allNominees, type RunResult } from './simulateRun.ts';
import { summarizeRuns, type FigureStats } from './summarizeRuns.ts';
import { outOfScopeFailure, regulatesLevel } from '../rules/outOfScope.ts';

export type Stats = { p5: number | null; p50: number | null; p95: number | null; mean: number | null; runs: number };
export type DateStats = { p5: string | null; p50: string | null; p95: string | null; runs: number };

export interface SimulationResult {
  schema: 'llct/simulation';
  version: 1;
  plan: { id: string; title: Label; decision: string | null; approvedOn: string };
  scenario: string;
  ruleset: string;
  engine: string;
  seed: string | number;
  runs: number;
  cohort: { source: string; cadres: number; unserved: number };
  parameters: Array<{ name: string; value: number; unit: string; confidence: string; source: string; fromPlan: boolean }>;
  kpis: Array<{ name: string; label: Label; stats: Stats }>;
  classes: Array<{
    id: string; name: string; level: string; mode: string; institution: string; opensOn: string; minSize: number; maxSize: number; quota: number; origin: string;
    atOpening: Stats; graduates: Stats; openedOn: DateStats; graduatedOn: DateStats; postponedRuns: number; cancelledRuns: number;
    sample: { outcome: string; reason: Label | null; timeline: TimelineEntry[] };
  }>;
  agencies: Array<{ id: string; name: string; quota: number; nominated: Stats; graduates: Stats }>;
  screening: { eligible: Stats; ineligible: Stats; otherInstitution: Stats; caughtByAgency: Stats; rejected: Stats; byRule: Array<{ rule: string; citation: string; title: Label | null; stats: Stats }> };
  graduatesByMonth: Array<{ month: string; stats: Stats }>;
  figures: Record<string, Stats>;
  sample: { run: number; seed: number; nominees: SampleNominee[] };
  warnings: Diagnostic[];
}

export interface SampleNominee {
  id: string; agency: string; class: string; on: string; outcome: string; eligible: boolean | null; institution: string | null;
  /** Failed rule ids (the screening's own list, shared: not to be changed). */
  failures: readonly string[]; classification: string | null;
}

const NO_FAILURES: readonly string[] = Object.freeze([]);

/** Headline figures, in the order reports show them. */
export const KPIS: ReadonlyArray<{ name: string; label: Label }> = [
  { name: 'candidates', label: { vi: 'Hồ sơ cơ quan đã xem xét', en: 'Candidates the agencies considered' } },
  { name: 'eligible', label: { vi: 'Đủ điều kiện', en: 'Eligible' } },
  { name: 'ineligible', label: { vi: 'Không đủ điều kiện', en: 'Not eligible' } },
  { name: 'otherInstitution', label: { vi: 'Thuộc cơ sở đào tạo khác (không xếp lớp)', en: 'Tiered to another institution (not placed)' } },
  { name: 'nominated', label: { vi: 'Được cử đi học', en: 'Nominated' } },
  { name: 'rejected', label: { vi: 'Bị loại khi xét hồ sơ', en: 'Rejected at screening' } },
  { name: 'waitingList', label: { vi: 'Danh sách chờ', en: 'Waiting list' } },
  { name: 'atOpening', label: { vi: 'Học viên khi khai giảng', en: 'Learners at opening' } },
  { name: 'capacityUse', label: { vi: 'Sử dụng chỗ học (%)', en: 'Capacity use (%)' } },
  { name: 'graduates', label: { vi: 'Tốt nghiệp', en: 'Graduates' } },
  { name: 'graduates.veryGood', label: { vi: 'Tốt nghiệp loại giỏi', en: 'Graduates, very good' } },
  { name: 'graduates.good', label: { vi: 'Tốt nghiệp loại khá', en: 'Graduates, good' } },
  { name: 'graduates.average', label: { vi: 'Tốt nghiệp loại trung bình', en: 'Graduates, average' } },
  { name: 'failed', label: { vi: 'Không tốt nghiệp', en: 'Failed' } },
  { name: 'droppedOut', label: { vi: 'Thôi học', en: 'Dropped out' } },
  { name: 'classes.graduated', label: { vi: 'Lớp tốt nghiệp', en: 'Classes graduated' } },
  { name: 'classes.cancelled', label: { vi: 'Lớp bị hủy', en: 'Classes cancelled' } },
  { name: 'classes.postponed', label: { vi: 'Lớp bị hoãn', en: 'Classes postponed' } },
];

const clean = (s: FigureStats | undefined): Stats => (s
  ? { p5: nan(s.p5), p50: nan(s.p50), p95: nan(s.p95), mean: nan(s.mean), runs: s.runs }
  : { p5: 0, p50: 0, p95: 0, mean: 0, runs: 0 });
const nan = (x: number) => (Number.isNaN(x) ? null : x);
const asDate = (x: number | null) => (x === null ? null : dayToIso(x));
const dates = (s: FigureStats | undefined): DateStats => {
  const c = clean(s);
  return { p5: asDate(c.p5), p50: asDate(c.p50), p95: asDate(c.p95), runs: c.runs };
};

export interface ResultMeta { seed: Seed; scenario?: string; cohortSource: string; warnings?: Diagnostic[] }

export function buildSimulationResult(sc: Scenario, figures: readonly RunFigures[], sample: RunResult, meta: ResultMeta): SimulationResult {
  const all = summarizeRuns(figures);
  const get = (name: string) => clean(all[name]);
  const plan = sc.plan;
  const ruleInfo = ruleIndex(sc);
  const quotaOf = new Map<string, number>();
  for (const c of plan.classes) for (const q of c.serves) quotaOf.set(q.agency, (quotaOf.get(q.agency) ?? 0) + q.quota);
  return {
    schema: 'llct/simulation', version: 1,
    plan: { id: plan.id, title: plan.title, decision: plan.decision ?? null, approvedOn: plan.approvedOn },
    scenario: meta.scenario ?? sc.input.label ?? plan.id,
    ruleset: sc.input.regardlessOfDate ? sc.input.rulesets[0]!.id : 'by-nomination-date',
    engine: sc.input.engine ?? 'compiled',
    seed: typeof meta.seed === 'number' ? meta.seed : String(meta.seed),
    runs: figures.length,
    cohort: { source: meta.cohortSource, cadres: sc.cadres.length, unserved: sc.unserved },
    parameters: PLAN_PARAMETER_NAMES.map((name) => {
      const def = PLAN_PARAMETERS[name];
      const own = plan.parameters[name];
      return { name, value: sc.params[name], unit: def.unit, confidence: own?.confidence ?? def.confidence, source: own?.source ?? def.source, fromPlan: own !== undefined };
    }),
    kpis: KPIS.map((k) => ({ ...k, stats: get(k.name) })),
    classes: sc.classes.map((c, k) => {
      const id = c.plan.id;
      const s = sample.classes[k]!;
      return {
        id, name: c.plan.name, level: c.plan.level, mode: c.plan.mode, institution: c.plan.institution, opensOn: c.plan.opensOn,
        minSize: c.plan.minSize, maxSize: c.plan.maxSize, quota: c.plan.serves.reduce((n, q) => n + q.quota, 0), origin: c.plan.origin,
        atOpening: get(`class.${id}.atOpening`), graduates: get(`class.${id}.graduates`),
        openedOn: dates(all[`class.${id}.openedOn`]), graduatedOn: dates(all[`class.${id}.graduatedOn`]),
        postponedRuns: Math.round((all[`class.${id}.postponed`]?.mean ?? 0) * figures.length),
        cancelledRuns: Math.round((all[`class.${id}.cancelled`]?.mean ?? 0) * figures.length),
        sample: { outcome: s.outcome, reason: s.reason ?? null, timeline: s.timeline },
      };
    }),
    agencies: plan.agencies.map((a) => ({ id: a.id, name: a.name ?? a.label?.vi ?? a.id, quota: quotaOf.get(a.id) ?? 0, nominated: get(`agency.${a.id}.nominated`), graduates: get(`agency.${a.id}.graduates`) })),
    screening: {
      eligible: get('eligible'), ineligible: get('ineligible'), otherInstitution: get('otherInstitution'), caughtByAgency: get('caughtByAgency'), rejected: get('rejected'),
      byRule: Object.keys(all).filter((n) => n.startsWith('rule.')).map((n) => {
        const rule = n.slice(5, -'.ineligible'.length);
        const info = ruleInfo.get(rule);
        return { rule, citation: info?.citation ?? '', title: info?.title ?? null, stats: get(n) };
      }).sort((a, b) => (b.stats.mean ?? 0) - (a.stats.mean ?? 0) || (a.rule < b.rule ? -1 : 1)),
    },
    graduatesByMonth: Object.keys(all).filter((n) => n.startsWith('month.')).map((n) => ({ month: n.slice(6, 13), stats: get(n) })),
    figures: Object.fromEntries(Object.entries(all).map(([n, s]) => [n, clean(s)])),
    sample: { run: sample.run, seed: sample.seed, nominees: sampleNominees(sc, sample) },
    warnings: meta.warnings ?? [],
  };
}

export function sampleNominees(sc: Scenario, r: RunResult): SampleNominee[] {
  return allNominees(r).map((n) => ({
    id: sc.cadres[n.cadre]!.id, agency: sc.plan.agencies[n.agency]!.id, class: sc.classes[n.cls]!.plan.id, on: n.on, outcome: n.outcome,
    eligible: n.screening ? n.screening.eligible : null, institution: n.institution, failures: n.screening ? n.screening.failures : NO_FAILURES,
    classification: n.classification ?? null,
  }));
}

/** Rule id → citation and title, from the scenario's rulesets (subject groups included). */
function ruleIndex(sc: Scenario): Map<string, { citation: string; title: Label }> {
  const out = new Map<string, { citation: string; title: Label }>();
  for (const rs of sc.input.rulesets) {
    for (const r of rs.rules) out.set(r.id, { citation: formatCitation(rs.regulation.code, r.citation), title: r.title });
    for (const [level, g] of Object.entries(rs.subjectGroups)) {
      out.set(`${rs.id}-${level}-subject`, { citation: formatCitation(rs.regulation.code, g.citation), title: { vi: `Không thuộc nhóm đối tượng nào (${g.title.vi})`, en: `In no subject group (${g.title.en})` } });
    }
    // A level the regulation does not regulate (350-QĐ/TW: sơ cấp): its one reason.
    for (const level of TRAINING_LEVELS) {
      if (regulatesLevel(rs, level)) continue;
      const f = outOfScopeFailure(rs, level);
      out.set(f.rule, { citation: f.citation, title: { vi: f.message, en: f.messageEn } });
    }
  }
  return out;
}
