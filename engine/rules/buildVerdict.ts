/**
 * Turns rule outcomes into a verdict: eligible when at least one subject rule and every applicable standard rule
 * pass; the first passing tier rule names the institution. Every failure carries its citation, its confidence and
 * a Vietnamese message with the cadre's own values.
 */
import type { SpecialDecision } from '../documents/cadre.ts';
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import { LABELS, type Confidence, type Mode, type TrainingLevel } from '../documents/enums.ts';
import type { Rule, Ruleset } from '../documents/ruleset.ts';
import { citationOf, ruleFailure, subjectFailure, type Failure, type FailureContext } from './buildFailures.ts';
import type { Facts } from './facts.ts';
import type { MessageContext } from './messages.ts';
import type { OutcomePattern } from './OutcomePattern.ts';
import type { ProvinceIndex } from './provinces.ts';

export type { Failure } from './buildFailures.ts';

export interface InstitutionRef {
  id: string;
  name: string;
  nameEn: string;
  /** Tier rule that chose it. */
  rule: string;
  citation: string;
  confidence: Confidence;
}

/**
 * The verdict on one cadre for one nomination. Its failures, lists and institution may be shared with other
 * verdicts (a cohort repeats a few hundred outcomes and texts): what is shared is frozen. Read a verdict; copy
 * before changing one.
 */
export interface Verdict {
  id: string;
  level: TrainingLevel;
  mode: Mode;
  on: string;
  regulation: string;
  ruleset: string;
  eligible: boolean;
  /**
   * The regulation does not regulate the nomination's level (`regulation.levels`): not eligible, with one `scope`
   * failure, counted apart from ordinary ineligibility. Absent otherwise.
   */
  outOfScope?: true;
  failures: Failure[];
  /** Subject rules the cadre matches. */
  subjects: string[];
  /** Standard rules that were checked and passed. */
  passed: string[];
  institution: InstitutionRef | null;
  /** Every applicable rule with its outcome, in ruleset order (explanations, coverage). */
  checked: Array<{ rule: string; kind: 'subject' | 'standard' | 'tier'; passed: boolean }>;
  /** Rules marked `assumed` that this verdict depends on: shown as warnings. */
  assumed: string[];
  notes: string[];
  /**
   * Warnings about the verdict as a whole, e.g. `verdict/no-confirmed-rule` when every rule of the level is
   * `assumed` (sơ cấp after 350-QĐ/TW). Absent when there is none.
   */
  warnings?: VerdictWarning[];
  /** The nomination's recorded special decision, when it has one (see `SpecialDecisionOutcome`). */
  specialDecision?: SpecialDecisionOutcome;
}

export interface VerdictWarning {
  code: string;
  message: string;
  messageEn: string;
}

/**
 * A recorded special decision and what it did: `applied` when the rule it waives failed and was waived (the failure
 * is then in `waived`, not in `failures`); not applied when the rule passed anyway. An eligible verdict with an
 * applied decision is "eligible by special decision".
 */
export interface SpecialDecisionOutcome extends SpecialDecision {
  /** The waived rule's citation, confidence and titles. */
  citation: string;
  confidence: Confidence;
  title: string;
  titleEn: string;
  applied: boolean;
  /** The failure the decision waived, when applied. */
  waived?: Failure;
}

export interface VerdictInput {
  id: string;
  level: TrainingLevel;
  mode: Mode;
  on: string;
  ruleset: Ruleset;
  /** The outcomes of the rules that apply to the level and mode. */
  pattern: OutcomePattern;
  facts: Facts;
  notes: readonly string[];
  /** Position names for the messages. */
  positionName: MessageContext['positionName'];
  institutions: InstitutionCatalogue;
  provinces: ProvinceIndex;
  /** The nomination's special decision, already checked against the ruleset (`checkSpecialDecision`). */
  specialDecision?: SpecialDecision | undefined;
}

/**
 * The `checked` entries of a rule, passed and failed, made once per rule and shared (frozen) by every verdict:
 * a verdict lists twenty-odd of them.
 */
const CHECKED = new WeakMap<Rule, { id: string; kind: Rule['kind']; passed: CheckedEntry; failed: CheckedEntry }>();
type CheckedEntry = Verdict['checked'][number];

function checkedEntry(rule: Rule, passed: boolean): CheckedEntry {
  let m = CHECKED.get(rule);
  if (!m || m.id !== rule.id || m.kind !== rule.kind) {
    m = {
      id: rule.id, kind: rule.kind,
      passed: Object.freeze({ rule: rule.id, kind: rule.kind, passed: true }),
      failed: Object.freeze({ rule: rule.id, kind: rule.kind, passed: false }),
    };
    CHECKED.set(rule, m);
  }
  return passed ? m.passed : m.failed;
}

/**
 * Everything a verdict takes from the outcomes alone, worked out once per outcome pattern and shared (frozen) by
 * every verdict with that pattern.
 */
interface Shape {
  /** What it was worked out for: a pattern met again with another ruleset or level gets its own. */
  ruleset: Ruleset;
  level: TrainingLevel;
  subjects: readonly string[];
  passed: readonly string[];
  assumed: readonly string[];
  checked: readonly CheckedEntry[];
  /** Standard rules that failed, in ruleset order. */
  failing: readonly Rule[];
  /** When no subject rule passed: the id of the failure that says so. */
  noSubject: string | undefined;
  /** The first tier rule that passed. */
  tier: Rule | undefined;
  /** Warnings on every verdict of this shape (frozen), or undefined. */
  warnings: readonly VerdictWarning[] | undefined;
  /** The screenings of this shape, by the institution the tier names (made on first use, see `screenVerdict`). */
  screenings?: Map<InstitutionRef | null, Screening>;
}

const SHAPES = new WeakMap<OutcomePattern, Shape>();

function shapeOf(pattern: OutcomePattern, ruleset: Ruleset, level: TrainingLevel): Shape {
  const memo = SHAPES.get(pattern);
  if (memo && memo.ruleset === ruleset && memo.level === level) return memo;
  const { rules, passed: outcome } = pattern;
  const subjects: string[] = [];
  const passed: string[] = [];
  const failing: Rule[] = [];
  // Decisive rules marked assumed, in this order: matched subjects, every standard, the tier.
  const assumedSubjects: string[] = [];
  const assumedStandards: string[] = [];
  let tier: Rule | undefined;
  const checked = new Array<CheckedEntry>(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const ok = outcome[i]!;
    checked[i] = checkedEntry(rule, ok);
    if (rule.kind === 'subject') {
      if (ok) {
        subjects.push(rule.id);
        if (rule.confidence === 'assumed') assumedSubjects.push(rule.id);
      }
    } else if (rule.kind === 'standard') {
      if (ok) passed.push(rule.id);
      else failing.push(rule);
      if (rule.confidence === 'assumed') assumedStandards.push(rule.id);
    } else if (rule.kind === 'tier' && ok && tier === undefined) {
      tier = rule;
    }
  }
  const assumed = [...assumedSubjects, ...assumedStandards];
  if (tier?.confidence === 'assumed') assumed.push(tier.id);
  const shape: Shape = {
    ruleset, level, tier, noSubject: subjects.length === 0 ? `${ruleset.id}-${level}-subject` : undefined,
    warnings: noConfirmedRuleWarning(ruleset, level, rules),
    subjects: Object.freeze(subjects), passed: Object.freeze(passed), assumed: Object.freeze(assumed),
    checked: Object.freeze(checked), failing: Object.freeze(failing),
  };
  SHAPES.set(pattern, shape);
  return shape;
}

/**
 * When no rule of the level is confirmed or reported (every rule the verdict could use, and the subject group, are
 * `assumed`), the verdict says so plainly, and which text would settle it (`subjectGroups[level].settledBy`).
 */
function noConfirmedRuleWarning(ruleset: Ruleset, level: TrainingLevel, rules: readonly Rule[]): readonly VerdictWarning[] | undefined {
  const group = ruleset.subjectGroups[level];
  if (rules.length === 0 || !rules.every((r) => r.confidence === 'assumed') || (group && group.confidence !== 'assumed')) return undefined;
  const code = ruleset.regulation.code;
  const levelVi = LABELS.theoryLevel[level].vi;
  const levelEn = LABELS.theoryLevel[level].en;
  const settled = group?.settledBy;
  return Object.freeze([Object.freeze({
    code: 'verdict/no-confirmed-rule',
    message: `Không có quy tắc nào đã xác nhận cho trình độ ${levelVi} theo ${code}: mọi quy tắc áp dụng ở đây đều là giả định, kết luận chỉ để tham khảo.${settled ? ` Văn bản sẽ xác định: ${settled.vi}` : ''}`,
    messageEn: `No confirmed rule covers the ${levelEn} level under ${code}: every rule applied here is assumed, so this verdict is indicative only.${settled ? ` What would settle it: ${settled.en}` : ''}`,
  })]);
}

const NO_TIER_NOTE = 'Không xác định được cơ sở đào tạo: không quy tắc phân cấp nào khớp (thiếu hoặc sai tỉnh, thành phố nơi công tác?).';
const ONLY_NO_TIER_NOTE: readonly string[] = Object.freeze([NO_TIER_NOTE]);
const NO_FAILURES: readonly Failure[] = Object.freeze([]);

/**
 * Builds the verdict. Pure; `input.pattern` must not change afterwards (the subject failure's `alternatives` are
 * derived from it on first read). `input.notes` becomes the verdict's `notes` when nothing is added to it.
 *
 * A verdict's lists (and the entries of `checked`, and `institution`) may be shared with other verdicts: those
 * that are shared are frozen. Read verdicts; copy before changing one.
 */
export function buildVerdict(input: VerdictInput): Verdict {
  const { ruleset, pattern } = input;
  const code = ruleset.regulation.code;
  const shape = shapeOf(pattern, ruleset, input.level);
  const { failing, noSubject, tier } = shape;
  let failures: Failure[];
  if (failing.length === 0 && noSubject === undefined) {
    failures = NO_FAILURES as Failure[];
  } else {
    const ctx: FailureContext = { ruleset, level: input.level, rules: pattern.rules, facts: input.facts, positionName: input.positionName };
    const first = noSubject === undefined ? 0 : 1;
    failures = new Array<Failure>(first + failing.length);
    if (noSubject !== undefined) failures[0] = subjectFailure(noSubject, ctx);
    for (let i = 0; i < failing.length; i++) failures[first + i] = ruleFailure(failing[i]!, ctx);
  }
  let specialDecision: SpecialDecisionOutcome | undefined;
  if (input.specialDecision) {
    const decision = input.specialDecision;
    const at = failures.findIndex((f) => f.rule === decision.waives);
    const rule = ruleset.rules.find((r) => r.id === decision.waives);
    specialDecision = {
      ...decision,
      citation: rule ? citationOf(rule, code, rule.citation) : '',
      confidence: rule?.confidence ?? 'assumed',
      title: rule?.title.vi ?? decision.waives,
      titleEn: rule?.title.en ?? decision.waives,
      applied: at >= 0,
    };
    if (at >= 0) {
      specialDecision.waived = failures[at]!;
      failures = failures.filter((_, i) => i !== at);
    }
  }
  let notes = input.notes as string[];
  if (!tier) notes = (notes.length === 0 ? ONLY_NO_TIER_NOTE : [...notes, NO_TIER_NOTE]) as string[];
  const verdict: Verdict = {
    id: input.id,
    level: input.level,
    mode: input.mode,
    on: input.on,
    regulation: code,
    ruleset: ruleset.id,
    eligible: failures.length === 0,
    failures,
    subjects: shape.subjects as string[],
    passed: shape.passed as string[],
    institution: tier ? institutionOf(tier, code, input) : null,
    checked: shape.checked as CheckedEntry[],
    assumed: shape.assumed as string[],
    notes,
  };
  if (shape.warnings) verdict.warnings = shape.warnings as VerdictWarning[];
  if (specialDecision) verdict.specialDecision = specialDecision;
  return verdict;
}

/**
 * What bulk screening needs of a verdict and nothing else (no messages, no cadre values): whether the cadre is
 * eligible, which rules failed, the institution the tiering names. It depends only on the outcome pattern, the level
 * and, for a tier rule naming "the provincial school", the cadre's province, so one frozen object is shared by every
 * cadre with the same outcome. Equal to what `buildVerdict` gives without a special decision (`toScreening` of its
 * verdict); test/rules/screenVerdict.test.ts holds them together.
 */
export interface Screening {
  ok: true;
  ruleset: string;
  regulation: string;
  eligible: boolean;
  /** Failed rule ids, in the verdict's order (the subject group's failure first). */
  failures: readonly string[];
  /** Id of the institution the tiering names, `null` when none. */
  institution: string | null;
  /** As `Verdict.outOfScope`. */
  outOfScope?: true;
}

export type ScreenInput = Pick<VerdictInput, 'ruleset' | 'level' | 'pattern' | 'institutions' | 'provinces'> & { facts: Pick<Facts, 'province'> };

export function screenVerdict(input: ScreenInput): Screening {
  const { ruleset, pattern } = input;
  const shape = shapeOf(pattern, ruleset, input.level);
  const institution = shape.tier ? institutionOf(shape.tier, ruleset.regulation.code, input) : null;
  const memo = (shape.screenings ??= new Map());
  let screening = memo.get(institution);
  if (!screening) {
    const failures = shape.failing.map((r) => r.id);
    if (shape.noSubject !== undefined) failures.unshift(shape.noSubject);
    const made: Screening = {
      ok: true, ruleset: ruleset.id, regulation: ruleset.regulation.code, eligible: failures.length === 0,
      failures, institution: institution?.id ?? null,
    };
    // Patterns and provinces that come to the same screening share one object.
    const key = JSON.stringify(made);
    screening = SCREENINGS.get(key);
    if (!screening) {
      Object.freeze(failures);
      screening = Object.freeze(made);
      if (SCREENINGS.size < 100_000) SCREENINGS.set(key, screening);
    }
    memo.set(institution, screening);
  }
  return screening;
}

/** Screenings by content (see `screenVerdict`). */
const SCREENINGS = new Map<string, Screening>();

/** The screening of a verdict (a verdict with a special decision, which `screenVerdict` does not cover). */
export function toScreening(v: Verdict): Screening {
  const s: Screening = { ok: true, ruleset: v.ruleset, regulation: v.regulation, eligible: v.eligible, failures: v.failures.map((f) => f.rule), institution: v.institution?.id ?? null };
  if (v.outOfScope) s.outOfScope = true;
  return s;
}

/**
 * The institution a tier rule names, for the cadre's province where the rule says "the provincial school": made
 * once per rule and province and shared (frozen).
 */
interface InstitutionMemo { code: string; target: string | undefined; institutions: InstitutionCatalogue; provinces: ProvinceIndex; byProvince: Map<string | null, InstitutionRef | null> }
const INSTITUTION_REFS = new WeakMap<Rule, InstitutionMemo>();
/** Distinct provinces remembered per tier rule (an unknown province is remembered as itself). */
const MAX_PROVINCES = 1000;

function institutionOf(tier: Rule, code: string, input: Pick<VerdictInput, 'institutions' | 'provinces'> & { facts: Pick<Facts, 'province'> }): InstitutionRef | null {
  let m = INSTITUTION_REFS.get(tier);
  if (!m || m.code !== code || m.target !== tier.institution || m.institutions !== input.institutions || m.provinces !== input.provinces) {
    m = { code, target: tier.institution, institutions: input.institutions, provinces: input.provinces, byProvince: new Map() };
    INSTITUTION_REFS.set(tier, m);
  }
  const province = input.facts.province;
  let ref = m.byProvince.get(province);
  if (ref === undefined) {
    ref = resolveInstitution(tier, code, input);
    if (ref) Object.freeze(ref);
    if (m.byProvince.size >= MAX_PROVINCES) m.byProvince.clear();
    m.byProvince.set(province, ref);
  }
  return ref;
}

function resolveInstitution(tier: Rule, code: string, input: Pick<VerdictInput, 'institutions' | 'provinces'> & { facts: Pick<Facts, 'province'> }): InstitutionRef | null {
  const target = tier.institution ?? '';
  const rule = tier.id;
  const citation = citationOf(tier, code, tier.citation);
  const confidence = tier.confidence;
  if (target === '@provincial-school' || target === '@district-centre') {
    const provinceName = input.facts.province;
    const province = provinceName === null ? undefined : input.provinces.byName.get(provinceName);
    if (!province) return null;
    if (target === '@provincial-school') {
      return { rule, citation, confidence, id: province.school.id, name: province.school.name.vi, nameEn: province.school.name.en };
    }
    const centre = input.institutions.institutions.find((i) => i.id === 'trung-tam-chinh-tri-cap-huyen');
    return centre
      ? { rule, citation, confidence, id: centre.id, name: `${centre.name.vi} (${province.name})`, nameEn: `${centre.name.en} (${province.name})` }
      : null;
  }
  const found = institutionById(input.institutions, target);
  return found ? { rule, citation, confidence, id: found.id, name: found.name.vi, nameEn: found.name.en } : null;
}

type Named = { id: string; name: { vi: string; en: string } };

/**
 * Institutions (or provincial schools) by id, indexed once per catalogue — like the province index `createChecker`
 * builds, a catalogue is read when first used and not expected to change in place afterwards.
 */
const INSTITUTIONS = new WeakMap<InstitutionCatalogue, Map<string, Named | null>>();

function institutionById(catalogue: InstitutionCatalogue, id: string): Named | undefined {
  let byId = INSTITUTIONS.get(catalogue);
  if (!byId) { byId = new Map(); INSTITUTIONS.set(catalogue, byId); }
  let found = byId.get(id);
  if (found === undefined) {
    found = catalogue.institutions.find((i) => i.id === id) ?? catalogue.provinces.find((p) => p.school.id === id)?.school ?? null;
    if (byId.size < 1000) byId.set(id, found);
  }
  return found ?? undefined;
}
