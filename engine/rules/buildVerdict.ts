/**
 * Turns rule outcomes into a verdict: eligible when at least one subject rule and every applicable standard rule
 * pass; the first passing tier rule names the institution. Every failure carries its citation, its confidence and
 * a Vietnamese message with the cadre's own values.
 */
import type { Confidence, Mode, TrainingLevel } from '../documents/enums.ts';
import { formatCitation, type Rule, type Ruleset } from '../documents/ruleset.ts';
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import { fillMessage, type Lang, type MessageContext } from './messages.ts';
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

function failureOf(rule: Rule, code: string, messages: MessageContext): Failure {
  const fill = (lang: Lang) => fillMessage(rule.message[lang], messages, lang);
  return {
    rule: rule.id, kind: rule.kind === 'subject' ? 'subject' : 'standard', citation: formatCitation(code, rule.citation),
    confidence: rule.confidence, message: fill('vi'), messageEn: fill('en'),
  };
}

export function buildVerdict(input: VerdictInput): Verdict {
  const { ruleset, outcomes, messages } = input;
  const code = ruleset.regulation.code;
  const subjects = outcomes.filter((o) => o.rule.kind === 'subject');
  const standards = outcomes.filter((o) => o.rule.kind === 'standard');
  const tiers = outcomes.filter((o) => o.rule.kind === 'tier');

  const failures: Failure[] = [];
  const matched = subjects.filter((o) => o.passed).map((o) => o.rule);
  if (matched.length === 0) {
    const group = ruleset.subjectGroups[input.level];
    const alternatives = subjects.map((o) => failureOf(o.rule, code, messages));
    const who = (lang: Lang) => fillMessage(lang === 'vi'
      ? 'chức vụ: {positionLabel} ({workplaceTierLabel}); quy hoạch: {planningLabel}; {partyStatusLabel}'
      : 'position: {positionLabel} ({workplaceTierLabel}); planning: {planningLabel}; {partyStatusLabel}', messages, lang);
    failures.push({
      rule: `${ruleset.id}-${input.level}-subject`,
      kind: 'subject',
      citation: group ? formatCitation(code, group.citation) : code,
      confidence: group?.confidence ?? 'assumed',
      message: `Không thuộc nhóm đối tượng nào được cử học ${fillMessage('{levelLabel}', messages, 'vi')} (${group?.title.vi ?? code}): ${who('vi')}.`,
      messageEn: `Not in any subject group for ${fillMessage('{levelLabel}', messages, 'en')} training (${group?.title.en ?? code}): ${who('en')}.`,
      alternatives,
    });
  }
  for (const o of standards) if (!o.passed) failures.push(failureOf(o.rule, code, messages));

  const tier = tiers.find((o) => o.passed)?.rule;
  const institution = tier ? resolveInstitution(tier, code, input) : null;
  const notes = [...input.notes];
  if (!tier) notes.push('Không xác định được cơ sở đào tạo: không quy tắc phân cấp nào khớp (thiếu hoặc sai tỉnh, thành phố nơi công tác?).');

  const decisive = [...matched, ...standards.map((o) => o.rule), ...(tier ? [tier] : [])];
  return {
    id: input.id,
    level: input.level,
    mode: input.mode,
    on: input.on,
    regulation: code,
    ruleset: ruleset.id,
    eligible: failures.length === 0,
    failures,
    subjects: matched.map((r) => r.id),
    passed: standards.filter((o) => o.passed).map((o) => o.rule.id),
    institution,
    checked: outcomes.map((o) => ({ rule: o.rule.id, kind: o.rule.kind, passed: o.passed })),
    assumed: decisive.filter((r) => r.confidence === 'assumed').map((r) => r.id),
    notes,
  };
}

function resolveInstitution(tier: Rule, code: string, input: VerdictInput): InstitutionRef | null {
  const target = tier.institution ?? '';
  const base = { rule: tier.id, citation: formatCitation(code, tier.citation), confidence: tier.confidence };
  if (target === '@provincial-school' || target === '@district-centre') {
    const provinceName = input.messages.facts.province;
    const province = provinceName === null ? undefined : input.provinces.byName.get(provinceName);
    if (!province) return null;
    if (target === '@provincial-school') {
      return { ...base, id: province.school.id, name: province.school.name.vi, nameEn: province.school.name.en };
    }
    const centre = input.institutions.institutions.find((i) => i.id === 'trung-tam-chinh-tri-cap-huyen');
    return centre
      ? { ...base, id: centre.id, name: `${centre.name.vi} (${province.name})`, nameEn: `${centre.name.en} (${province.name})` }
      : null;
  }
  const found = input.institutions.institutions.find((i) => i.id === target)
    ?? input.institutions.provinces.find((p) => p.school.id === target)?.school;
  return found ? { ...base, id: found.id, name: found.name.vi, nameEn: found.name.en } : null;
}
