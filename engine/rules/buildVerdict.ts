/**
 * Turns rule outcomes into a verdict: eligible when at least one subject rule and every applicable standard rule
 * pass; the first passing tier rule names the institution. Every failure carries its citation, its confidence and
 * a Vietnamese message with the cadre's own values.
 */
import type { Confidence, Mode, TrainingLevel } from '../documents/enums.ts';
import { formatCitation, type Rule, type Ruleset } from '../documents/ruleset.ts';
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import { fillMessage, type MessageContext } from './messages.ts';
import type { RuleOutcome } from './RuleEvaluator.ts';
import type { ProvinceIndex } from './provinces.ts';

export interface Failure {
  rule: string;
  kind: 'subject' | 'standard';
  citation: string;
  confidence: Confidence;
  /** Vietnamese: the cadre's value and the requirement. */
  message: string;
  messageEn: string;
  /** For the subject failure: why each subject group did not match. */
  alternatives?: Failure[];
}

export interface InstitutionRef {
  id: string;
  name: string;
  nameEn: string;
  /** Tier rule that chose it. */
  rule: string;
  citation: string;
  confidence: Confidence;
}

export interface Verdict {
  id: string;
  level: TrainingLevel;
  mode: Mode;
  on: string;
  regulation: string;
  ruleset: string;
  eligible: boolean;
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
}

export interface VerdictInput {
  id: string;
  level: TrainingLevel;
  mode: Mode;
  on: string;
  ruleset: Ruleset;
  outcomes: RuleOutcome[];
  messages: MessageContext;
  notes: string[];
  institutions: InstitutionCatalogue;
  provinces: ProvinceIndex;
}

/**
 * Citation text per rule (and per subject group), remembered with the inputs it was made from: a ruleset edited in
 * place gets fresh text, an unchanged one costs a few comparisons per verdict instead of building the string.
 */
interface CitationMemo { code: string; c: Rule['citation']; article: unknown; clause: unknown; point: unknown; text: string }
const CITATIONS = new WeakMap<object, CitationMemo>();

function citationOf(owner: object, code: string, c: Rule['citation']): string {
  const m = CITATIONS.get(owner);
  if (m && m.code === code && m.c === c && m.article === c.article && m.clause === c.clause && m.point === c.point) return m.text;
  const text = formatCitation(code, c);
  CITATIONS.set(owner, { code, c, article: c.article, clause: c.clause, point: c.point, text });
  return text;
}

function failureOf(rule: Rule, code: string, messages: MessageContext): Failure {
  return {
    rule: rule.id, kind: rule.kind === 'subject' ? 'subject' : 'standard', citation: citationOf(rule, code, rule.citation),
    confidence: rule.confidence, message: fillMessage(rule.message.vi, messages, 'vi'), messageEn: fillMessage(rule.message.en, messages, 'en'),
  };
}

const WHO_VI = 'chức vụ: {positionLabel} ({workplaceTierLabel}); quy hoạch: {planningLabel}; {partyStatusLabel}';
const WHO_EN = 'position: {positionLabel} ({workplaceTierLabel}); planning: {planningLabel}; {partyStatusLabel}';

/** Where a subject failure keeps what its `alternatives` are built from (a non-enumerable own property). */
const LAZY = Symbol('alternatives');

interface LazyAlternatives { outcomes: RuleOutcome[]; code: string; messages: MessageContext; value: Failure[] | undefined }

/**
 * `alternatives` as an enumerable accessor that behaves like a data property: JSON, spreading, structured cloning,
 * deep equality and assignment all see a plain array. One shared getter and setter for every failure, so every
 * failure object keeps the same hidden class (a closure per object would give each its own).
 */
const ALTERNATIVES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [LAZY]: LazyAlternatives }): Failure[] {
    const lazy = this[LAZY];
    if (lazy.value === undefined) {
      const out: Failure[] = [];
      for (const o of lazy.outcomes) if (o.rule.kind === 'subject') out.push(failureOf(o.rule, lazy.code, lazy.messages));
      lazy.value = out;
    }
    return lazy.value;
  },
  set(this: { [LAZY]: LazyAlternatives }, value: Failure[]) { this[LAZY].value = value; },
};

/**
 * The failure "not in any subject group". Its `alternatives` (why each subject rule did not match, two filled
 * messages per rule) are built on first read: most consumers (the CLI's outputs, bulk runs) never read them.
 */
function subjectFailure(input: VerdictInput, code: string): Failure {
  const { ruleset, messages } = input;
  const group = ruleset.subjectGroups[input.level];
  const failure = {
    rule: `${ruleset.id}-${input.level}-subject`,
    kind: 'subject' as const,
    citation: group ? citationOf(group, code, group.citation) : code,
    confidence: group?.confidence ?? 'assumed',
    message: subjectMessage('vi', fillMessage('{levelLabel}', messages, 'vi'), group?.title.vi ?? code, fillMessage(WHO_VI, messages, 'vi')),
    messageEn: subjectMessage('en', fillMessage('{levelLabel}', messages, 'en'), group?.title.en ?? code, fillMessage(WHO_EN, messages, 'en')),
  };
  const lazy: LazyAlternatives = { outcomes: input.outcomes, code, messages, value: undefined };
  Object.defineProperty(failure, LAZY, { value: lazy });
  Object.defineProperty(failure, 'alternatives', ALTERNATIVES);
  return failure as Failure;
}

/** The subject failure's message, remembered by language and parts (the parts are themselves remembered strings). */
const SUBJECT_MESSAGES = { vi: new Map<string, Map<string, Map<string, string>>>(), en: new Map<string, Map<string, Map<string, string>>>() };
let subjectMessages = 0;

function subjectMessage(lang: 'vi' | 'en', level: string, title: string, who: string): string {
  let byTitle = SUBJECT_MESSAGES[lang].get(level);
  if (!byTitle) { byTitle = new Map(); SUBJECT_MESSAGES[lang].set(level, byTitle); }
  let byWho = byTitle.get(title);
  if (!byWho) { byWho = new Map(); byTitle.set(title, byWho); }
  let text = byWho.get(who);
  if (text === undefined) {
    text = lang === 'vi'
      ? `Không thuộc nhóm đối tượng nào được cử học ${level} (${title}): ${who}.`
      : `Not in any subject group for ${level} training (${title}): ${who}.`;
    if (subjectMessages++ > 20_000) { SUBJECT_MESSAGES.vi.clear(); SUBJECT_MESSAGES.en.clear(); subjectMessages = 0; }
    byWho.set(who, text);
  }
  return text;
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

const NO_TIER_NOTE = 'Không xác định được cơ sở đào tạo: không quy tắc phân cấp nào khớp (thiếu hoặc sai tỉnh, thành phố nơi công tác?).';

/**
 * Builds the verdict. Pure; `input.outcomes` must not change afterwards (the subject failure's `alternatives` are
 * derived from it on first read). The entries of `checked` are shared between verdicts and frozen.
 */
export function buildVerdict(input: VerdictInput): Verdict {
  const { ruleset, outcomes } = input;
  const code = ruleset.regulation.code;
  const n = outcomes.length;
  // First pass: sizes, so every array below is allocated once at its final length.
  let matched = 0;
  let matchedAssumed = 0;
  let passedCount = 0;
  let failedCount = 0;
  let standardsAssumed = 0;
  let tier: Rule | undefined;
  for (let i = 0; i < n; i++) {
    const o = outcomes[i]!;
    const rule = o.rule;
    if (rule.kind === 'subject') {
      if (o.passed) { matched++; if (rule.confidence === 'assumed') matchedAssumed++; }
    } else if (rule.kind === 'standard') {
      if (o.passed) passedCount++;
      else failedCount++;
      if (rule.confidence === 'assumed') standardsAssumed++;
    } else if (rule.kind === 'tier' && o.passed && tier === undefined) {
      tier = rule;
    }
  }
  const tierAssumed = tier !== undefined && tier.confidence === 'assumed' ? 1 : 0;
  const subjects = new Array<string>(matched);
  const passed = new Array<string>(passedCount);
  // Decisive rules marked assumed, in this order: matched subjects, every standard, the tier.
  const assumed = new Array<string>(matchedAssumed + standardsAssumed + tierAssumed);
  const firstFailure = matched === 0 ? 1 : 0;
  const failures = new Array<Failure>(firstFailure + failedCount);
  let si = 0;
  let pi = 0;
  let ai = 0;
  let bi = matchedAssumed;
  let fi = firstFailure;
  for (let i = 0; i < n; i++) {
    const o = outcomes[i]!;
    const rule = o.rule;
    if (rule.kind === 'subject') {
      if (o.passed) {
        subjects[si++] = rule.id;
        if (rule.confidence === 'assumed') assumed[ai++] = rule.id;
      }
    } else if (rule.kind === 'standard') {
      if (o.passed) passed[pi++] = rule.id;
      else failures[fi++] = failureOf(rule, code, input.messages);
      if (rule.confidence === 'assumed') assumed[bi++] = rule.id;
    }
  }
  if (tierAssumed) assumed[bi] = tier!.id;
  if (firstFailure) failures[0] = subjectFailure(input, code);

  const institution = tier ? resolveInstitution(tier, code, input) : null;
  const notes = input.notes.slice();
  if (!tier) notes.push(NO_TIER_NOTE);

  const checked = new Array<CheckedEntry>(n);
  for (let i = 0; i < n; i++) checked[i] = checkedEntry(outcomes[i]!.rule, outcomes[i]!.passed);
  return {
    id: input.id,
    level: input.level,
    mode: input.mode,
    on: input.on,
    regulation: code,
    ruleset: ruleset.id,
    eligible: failures.length === 0,
    failures,
    subjects,
    passed,
    institution,
    checked,
    assumed,
    notes,
  };
}

function resolveInstitution(tier: Rule, code: string, input: VerdictInput): InstitutionRef | null {
  const target = tier.institution ?? '';
  const rule = tier.id;
  const citation = citationOf(tier, code, tier.citation);
  const confidence = tier.confidence;
  if (target === '@provincial-school' || target === '@district-centre') {
    const provinceName = input.messages.facts.province;
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
