/**
 * The failures of a verdict: a rule's citation, confidence and its message filled with the cadre's values. A
 * failure is made once per combination of the facts its messages read (a cohort repeats a few hundred) and then
 * shared, frozen, by every verdict with those values.
 */
import { citationIn, formatCitation, type Rule, type RuleLayer, type Ruleset } from '../documents/ruleset.ts';
import type { Confidence, TrainingLevel } from '../documents/enums.ts';
import { createFactMemo, type FactMemo } from './createFactMemo.ts';
import type { FactName, Facts } from './facts.ts';
import { factsReadBy, fillMessage, type MessageContext } from './messages.ts';

export interface Failure {
  rule: string;
  /** `scope`: the nomination's level is one the regulation does not regulate (see outOfScope.ts). */
  kind: 'subject' | 'standard' | 'scope';
  citation: string;
  /**
   * The citation in English, when it cannot be derived from `citation` by `citationIn` (another text than the
   * ruleset's regulation, written out): only the out-of-scope reason has one.
   */
  citationEn?: string;
  confidence: Confidence;
  /** Vietnamese: the cadre's value and the requirement. */
  message: string;
  messageEn: string;
  /** For the subject failure: why each subject group did not match. */
  alternatives?: Failure[];
  /**
   * The layer the rule comes from when overlays were resolved (see `Rule.layer`): the base ruleset, or an overlay and
   * the decision number of its change. Absent for rules of a ruleset judged alone.
   */
  layer?: RuleLayer;
}

/** A failure's citation in `lang`: its own English text when it has one, else `citationIn`'s. */
export function failureCitation(f: Pick<Failure, 'citation' | 'citationEn'>, lang: 'vi' | 'en'): string {
  return lang === 'en' && f.citationEn !== undefined ? f.citationEn : citationIn(f.citation, lang);
}

/** What the failures of one verdict are made from. */
export interface FailureContext {
  ruleset: Ruleset;
  level: TrainingLevel;
  /** The applicable rules (the outcome pattern's). */
  rules: readonly Rule[];
  facts: Facts;
  positionName: MessageContext['positionName'];
}

/** Distinct value combinations remembered per rule or subject failure; past this, failures are made afresh. */
const MAX_REMEMBERED = 20_000;

/**
 * Citation text per rule (and per subject group), remembered with the inputs it was made from: a ruleset edited in
 * place gets fresh text, an unchanged one costs a few comparisons instead of building the string.
 */
interface CitationMemo { code: string; c: Rule['citation']; article: unknown; clause: unknown; point: unknown; numbering: unknown; text: string }
const CITATIONS = new WeakMap<object, CitationMemo>();

export function citationOf(owner: object, code: string, c: Rule['citation']): string {
  const m = CITATIONS.get(owner);
  if (m && m.code === code && m.c === c && m.article === c.article && m.clause === c.clause && m.point === c.point && m.numbering === c.numbering) return m.text;
  const text = formatCitation(code, c);
  CITATIONS.set(owner, { code, c, article: c.article, clause: c.clause, point: c.point, numbering: c.numbering, text });
  return text;
}

/** The message context `fillMessage` needs: the nomination year is the one of `onOrdinal` (YYYYMMDD). */
function messageContext(ctx: FailureContext): MessageContext {
  return { facts: ctx.facts, year: Math.floor(ctx.facts.onOrdinal / 10000), positionName: ctx.positionName };
}

/** A remembered failure is valid for the texts, regulation and position names it was made with. */
interface RuleMemo { vi: string; en: string; code: string; positionName: MessageContext['positionName']; memo: FactMemo<Failure> }
const RULE_FAILURES = new WeakMap<Rule, RuleMemo>();

/** The failure of one rule (a standard rule, or a subject rule listed in `alternatives`): shared and frozen. */
export function ruleFailure(rule: Rule, ctx: FailureContext): Failure {
  // A rule an overlay added or replaced cites the overlay's act; a base rule (a threshold changed) keeps its article.
  const layer = rule.layer;
  const code = layer?.decision !== undefined && (layer.change === 'add' || layer.change === 'replace') ? layer.decision : ctx.ruleset.regulation.code;
  let m = RULE_FAILURES.get(rule);
  if (!m || m.vi !== rule.message.vi || m.en !== rule.message.en || m.code !== code || m.positionName !== ctx.positionName) {
    m = { vi: rule.message.vi, en: rule.message.en, code, positionName: ctx.positionName, memo: createFactMemo(factsReadBy([rule.message.vi, rule.message.en]), MAX_REMEMBERED) };
    RULE_FAILURES.set(rule, m);
  }
  let failure = m.memo.get(ctx.facts);
  if (failure === undefined) {
    const messages = messageContext(ctx);
    failure = Object.freeze<Failure>({
      rule: rule.id, kind: rule.kind === 'subject' ? 'subject' : 'standard', citation: citationOf(rule, code, rule.citation),
      confidence: rule.confidence, message: fillMessage(m.vi, messages, 'vi'), messageEn: fillMessage(m.en, messages, 'en'),
      ...(rule.layer ? { layer: rule.layer } : {}),
    });
    m.memo.set(ctx.facts, failure);
  }
  return failure;
}

/**
 * The subject failure's message as templates around the group's title: `before` and `after` hold placeholders, the
 * title is kept as written (a `{` in it is never read as a placeholder).
 */
interface SubjectTemplate { title: string; before: string; after: string }

function subjectTemplate(lang: 'vi' | 'en', title: string): SubjectTemplate {
  const before = lang === 'vi' ? 'Không thuộc nhóm đối tượng nào được cử học {levelLabel} (' : 'Not in any subject group for {levelLabel} training (';
  const after = lang === 'vi'
    ? '): chức vụ: {positionLabel} ({workplaceTierLabel}); quy hoạch: {planningLabel}; {partyStatusLabel}.'
    : '): position: {positionLabel} ({workplaceTierLabel}); planning: {planningLabel}; {partyStatusLabel}.';
  return { title, before, after };
}

const fillSubject = (t: SubjectTemplate, messages: MessageContext, lang: 'vi' | 'en') =>
  fillMessage(t.before, messages, lang) + t.title + fillMessage(t.after, messages, lang);

interface SubjectMemo {
  ruleset: Ruleset;
  level: TrainingLevel;
  positionName: MessageContext['positionName'];
  vi: SubjectTemplate;
  en: SubjectTemplate;
  memo: FactMemo<Failure>;
}
/** Per list of applicable rules (one per level and mode of an evaluator). */
const SUBJECT_FAILURES = new WeakMap<readonly Rule[], SubjectMemo>();

/**
 * The failure "not in any subject group" (`id`), with `alternatives`: why each subject rule did not match. Shared
 * and frozen, like its alternatives.
 */
export function subjectFailure(id: string, ctx: FailureContext): Failure {
  const { ruleset, level, rules } = ctx;
  const code = ruleset.regulation.code;
  const group = ruleset.subjectGroups[level];
  const titleVi = group?.title.vi ?? code;
  const titleEn = group?.title.en ?? code;
  let m = SUBJECT_FAILURES.get(rules);
  if (!m || m.ruleset !== ruleset || m.level !== level || m.positionName !== ctx.positionName || m.vi.title !== titleVi || m.en.title !== titleEn) {
    const vi = subjectTemplate('vi', titleVi);
    const en = subjectTemplate('en', titleEn);
    const templates = [vi.before, vi.after, en.before, en.after];
    for (const r of rules) if (r.kind === 'subject') templates.push(r.message.vi, r.message.en);
    const reads: FactName[] = factsReadBy(templates);
    m = { ruleset, level, positionName: ctx.positionName, vi, en, memo: createFactMemo(reads, MAX_REMEMBERED) };
    SUBJECT_FAILURES.set(rules, m);
  }
  let failure = m.memo.get(ctx.facts);
  if (failure === undefined) {
    const messages = messageContext(ctx);
    const alternatives: Failure[] = [];
    for (const r of rules) if (r.kind === 'subject') alternatives.push(ruleFailure(r, ctx));
    failure = Object.freeze<Failure>({
      rule: id,
      kind: 'subject',
      citation: group ? citationOf(group, code, group.citation) : code,
      confidence: group?.confidence ?? 'assumed',
      message: fillSubject(m.vi, messages, 'vi'),
      messageEn: fillSubject(m.en, messages, 'en'),
      alternatives: Object.freeze(alternatives) as Failure[],
    });
    m.memo.set(ctx.facts, failure);
  }
  return failure;
}
