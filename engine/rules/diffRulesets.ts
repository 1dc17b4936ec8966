/**
 * What changed between two versions of a ruleset, in words a policy reader follows: regulation details, subject
 * groups, rules added, removed or changed (matched by id), condition changes down to "Tuổi … từ 33 trở lên → từ 30
 * trở lên", and tier rules tried in a new order (the first tier rule that passes names the institution).
 * Pure; never throws on two rulesets that parse.
 */
import { citationIn, formatCitation, type Rule, type Ruleset } from '../documents/ruleset.ts';
import { LABELS, TRAINING_LEVELS, type Label, type RuleKind, type TrainingLevel } from '../documents/enums.ts';
import { fieldChange, isCitation, type FieldChange, type RegulationField, type RuleField, type SubjectGroupField } from './diffFields.ts';
import type { DescribeOptions } from './describeCondition.ts';
import { diffConditions, sameValue, type ConditionChange, type Path, type Side } from './diffConditions.ts';
import type { Lang } from './messages.ts';

export type { ConditionChange, Path, Side } from './diffConditions.ts';
export type { FieldChange, RegulationField, RuleField, SubjectGroupField } from './diffFields.ts';


/** A subject group (what a failed subject check cites) added, removed or changed for one training level. */
export interface SubjectGroupChange {
  level: TrainingLevel;
  change: 'added' | 'removed' | 'changed';
  fields: Array<FieldChange<SubjectGroupField>>;
  path: Path;
  side: Side;
  text: Label;
}

/** A rule as the diff names it: id, title and citation ("57-QĐ/TW Điều 5 khoản 2"). */
export interface RuleRef {
  id: string;
  level: TrainingLevel;
  kind: RuleKind;
  title: Label;
  citation: string;
  /** `['rules', index]` in the ruleset the rule is read from (`after`, or `before` for a removed rule). */
  path: Path;
  side: Side;
}

/** A rule in both versions with different content. */
export interface RuleChange extends RuleRef {
  beforeIndex: number;
  afterIndex: number;
  fields: Array<FieldChange<RuleField>>;
  conditions: ConditionChange[];
}

/** A tier rule tried at another place among its level's tier rules (positions count from 1). */
export interface TierMove extends RuleRef {
  beforePosition: number;
  afterPosition: number;
  text: Label;
}

export interface RulesetDiffSummary {
  regulation: number;
  subjectGroups: number;
  rulesAdded: number;
  rulesRemoved: number;
  rulesChanged: number;
  tierMoves: number;
  /** Field and condition changes over all changed rules. */
  ruleChanges: number;
  /** True when nothing at all changed. */
  identical: boolean;
}

export interface RulesetDiff {
  /** Regulation codes of the two versions, for citations. */
  codes: { before: string; after: string };
  regulation: Array<FieldChange<RegulationField>>;
  subjectGroups: SubjectGroupChange[];
  added: RuleRef[];
  removed: RuleRef[];
  changed: RuleChange[];
  tierMoves: TierMove[];
  summary: RulesetDiffSummary;
}

export type DiffRulesetsOptions = DescribeOptions;


const present = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);

/** A citation with its numbering said (absent means assumed): a document saved before the field differs in nothing. */
function numbered(c: unknown): unknown {
  return isCitation(c) && c.numbering === undefined ? { ...c, numbering: 'assumed' } : c;
}

function ruleFields(b: Rule, a: Rule, at: Path, codes: RulesetDiff['codes']): Array<FieldChange<RuleField>> {
  const f = (field: RuleField, bv: unknown, av: unknown, key: Path) => fieldChange(field, bv, av, [...at, ...key], codes);
  return present([
    f('title.vi', b.title?.vi, a.title?.vi, ['title', 'vi']), f('title.en', b.title?.en, a.title?.en, ['title', 'en']),
    f('citation', numbered(b.citation), numbered(a.citation), ['citation']), f('confidence', b.confidence, a.confidence, ['confidence']),
    f('source', b.source, a.source, ['source']), f('note', b.note, a.note, ['note']), f('modes', b.modes, a.modes, ['modes']),
    f('kind', b.kind, a.kind, ['kind']), f('level', b.level, a.level, ['level']),
    f('message.vi', b.message?.vi, a.message?.vi, ['message', 'vi']), f('message.en', b.message?.en, a.message?.en, ['message', 'en']),
    f('institution', b.institution, a.institution, ['institution']), f('waivable', b.waivable, a.waivable, ['waivable']),
    f('provisions', b.provisions, a.provisions, ['provisions']), f('carriedOverFrom', b.carriedOverFrom, a.carriedOverFrom, ['carriedOverFrom']),
  ]);
}

function ref(rule: Rule, index: number, side: Side, code: string): RuleRef {
  return { id: rule.id, level: rule.level, kind: rule.kind, title: rule.title, citation: isCitation(rule.citation) ? formatCitation(code, rule.citation) : code, path: ['rules', index], side };
}

/** Rule indices by id; a repeated id pairs its k-th occurrence in one version with its k-th in the other. */
function occurrences(rules: readonly Rule[]): Map<string, number> {
  const seen = new Map<string, number>();
  const keys = new Map<string, number>();
  rules.forEach((r, i) => {
    const n = seen.get(r.id) ?? 0;
    seen.set(r.id, n + 1);
    keys.set(n === 0 ? r.id : `${r.id}\u0000${n}`, i);
  });
  return keys;
}

/** Longest common subsequence of two id lists, as a set of the ids it keeps. */
function lcs(a: readonly string[], b: readonly string[]): Set<string> {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { kept.add(a[i]!); i++; j++; } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++; else j++;
  }
  return kept;
}

function tierMoves(before: Ruleset, after: Ruleset, pairs: ReadonlyArray<[number, number]>, code: string): TierMove[] {
  const moves: TierMove[] = [];
  for (const level of TRAINING_LEVELS) {
    const common = pairs.filter(([bi, ai]) => {
      const b = before.rules[bi]!;
      const a = after.rules[ai]!;
      return b.kind === 'tier' && a.kind === 'tier' && b.level === level && a.level === level;
    });
    const beforeOrder = [...common].sort((x, y) => x[0] - y[0]).map(([, ai]) => String(ai));
    const afterOrder = [...common].sort((x, y) => x[1] - y[1]).map(([, ai]) => String(ai));
    const kept = lcs(beforeOrder, afterOrder);
    const position = (rules: readonly Rule[], index: number) => rules.filter((r, i) => i <= index && r.kind === 'tier' && r.level === level).length;
    for (const [bi, ai] of [...common].sort((x, y) => x[1] - y[1])) {
      if (kept.has(String(ai))) continue;
      const from = position(before.rules, bi);
      const to = position(after.rules, ai);
      const r = ref(after.rules[ai]!, ai, 'after', code);
      moves.push({ ...r, beforePosition: from, afterPosition: to, text: {
        vi: `Đổi thứ tự xét quy tắc phân cấp ${LABELS.theoryLevel[level].vi}: thứ ${from} → thứ ${to}`,
        en: `Tier rule for ${LABELS.theoryLevel[level].en} now tried in another order: position ${from} → ${to}`,
      } });
    }
  }
  return moves;
}

function subjectGroups(before: Ruleset, after: Ruleset, codes: RulesetDiff['codes']): SubjectGroupChange[] {
  const out: SubjectGroupChange[] = [];
  for (const level of TRAINING_LEVELS) {
    const b = before.subjectGroups?.[level];
    const a = after.subjectGroups?.[level];
    const path: Path = ['subjectGroups', level];
    const name = LABELS.theoryLevel[level];
    if (!b && !a) continue;
    if (!b || !a) {
      const g = (a ?? b)!;
      const cite = formatCitation(a ? codes.after : codes.before, g.citation);
      out.push({ level, change: a ? 'added' : 'removed', fields: [], path, side: a ? 'after' : 'before', text: a
        ? { vi: `Thêm nhóm đối tượng ${name.vi} (${cite}): ${g.title.vi}`, en: `Added the ${name.en} subject group (${cite}): ${g.title.en}` }
        : { vi: `Bỏ nhóm đối tượng ${name.vi} (${cite}): ${g.title.vi}`, en: `Removed the ${name.en} subject group (${cite}): ${g.title.en}` } });
      continue;
    }
    const fields = present([
      fieldChange('citation', numbered(b?.citation), numbered(a?.citation), [...path, 'citation'], codes),
      fieldChange('title.vi', b.title.vi, a.title.vi, [...path, 'title', 'vi'], codes),
      fieldChange('title.en', b.title.en, a.title.en, [...path, 'title', 'en'], codes),
      fieldChange('confidence', b.confidence, a.confidence, [...path, 'confidence'], codes),
    ] as Array<FieldChange<SubjectGroupField> | undefined>);
    if (fields.length) out.push({ level, change: 'changed', fields, path, side: 'after', text: { vi: `Nhóm đối tượng ${name.vi}`, en: `The ${name.en} subject group` } });
  }
  return out;
}

/**
 * The structural diff of two versions of a ruleset. Rules are matched by id (document order aside from tier rules
 * is irrelevant); condition changes carry paths into `after` (into `before` for what was removed). Identical
 * rulesets give empty lists and `summary.identical`.
 */
export function diffRulesets(before: Ruleset, after: Ruleset, options: DiffRulesetsOptions = {}): RulesetDiff {
  const codes = { before: before.regulation?.code ?? '', after: after.regulation?.code ?? '' };
  const rb = before.regulation ?? {};
  const ra = after.regulation ?? {};
  const regulation = present([
    fieldChange('id', before.id, after.id, ['id'], codes),
    ...(['code', 'title', 'signedOn', 'effectiveFrom', 'effectiveConfidence', 'note', 'sources', 'levels'] as const).map((k) => fieldChange(k, (rb as Record<string, unknown>)[k], (ra as Record<string, unknown>)[k], ['regulation', k], codes)),
  ]);

  const beforeRules = before.rules ?? [];
  const afterRules = after.rules ?? [];
  const bKeys = occurrences(beforeRules);
  const aKeys = occurrences(afterRules);
  const pairs: Array<[number, number]> = [];
  const added: RuleRef[] = [];
  for (const [key, ai] of aKeys) {
    const bi = bKeys.get(key);
    if (bi === undefined) added.push(ref(afterRules[ai]!, ai, 'after', codes.after));
    else pairs.push([bi, ai]);
  }
  const removed = [...bKeys].filter(([key]) => !aKeys.has(key)).map(([, bi]) => ref(beforeRules[bi]!, bi, 'before', codes.before));

  const changed: RuleChange[] = [];
  for (const [bi, ai] of pairs) {
    const b = beforeRules[bi]!;
    const a = afterRules[ai]!;
    if (sameValue(b, a)) continue;
    const at: Path = ['rules', ai];
    const fields = ruleFields(b, a, at, codes);
    const conditions = diffConditions(b.conditions, a.conditions, ['rules', bi, 'conditions'], [...at, 'conditions'], options);
    if (fields.length || conditions.length) changed.push({ ...ref(a, ai, 'after', codes.after), beforeIndex: bi, afterIndex: ai, fields, conditions });
  }
  const moves = tierMoves({ ...before, rules: beforeRules }, { ...after, rules: afterRules }, pairs, codes.after);
  const groups = subjectGroups(before, after, codes);
  const ruleChanges = changed.reduce((n, c) => n + c.fields.length + c.conditions.length, 0);
  return {
    codes, regulation, subjectGroups: groups, added, removed, changed, tierMoves: moves,
    summary: {
      regulation: regulation.length, subjectGroups: groups.length, rulesAdded: added.length, rulesRemoved: removed.length,
      rulesChanged: changed.length, tierMoves: moves.length, ruleChanges,
      identical: regulation.length + groups.length + added.length + removed.length + changed.length + moves.length === 0,
    },
  };
}

/**
 * The diff as lines to read, one per change, e.g. `Quy tắc "tc-part-time-age" (57-QĐ/TW Điều 5 khoản 2) — Tuổi
 * (tròn năm tại ngày cử đi học) từ 33 trở lên → từ 30 trở lên`. No lines when nothing changed.
 */
export function lines(diff: RulesetDiff, lang: Lang): string[] {
  const vi = lang === 'vi';
  const rule = (r: RuleRef) => `${vi ? 'Quy tắc' : 'Rule'} "${r.id}" (${citationIn(r.citation, lang)})`;
  return [
    ...diff.regulation.map((c) => `${vi ? 'Văn bản' : 'Regulation'} — ${c.text[lang]}`),
    ...diff.subjectGroups.flatMap((g) => (g.fields.length ? g.fields.map((f) => `${g.text[lang]} — ${f.text[lang]}`) : [g.text[lang]])),
    ...diff.added.map((r) => `${vi ? 'Thêm quy tắc' : 'Added rule'} "${r.id}" (${citationIn(r.citation, lang)}) — ${r.title[lang]}`),
    ...diff.removed.map((r) => `${vi ? 'Bỏ quy tắc' : 'Removed rule'} "${r.id}" (${citationIn(r.citation, lang)}) — ${r.title[lang]}`),
    ...diff.changed.flatMap((r) => [...r.fields, ...r.conditions].map((c) => `${rule(r)} — ${c.text[lang]}`)),
    ...diff.tierMoves.map((m) => `${rule(m)} — ${m.text[lang]}`),
  ];
}
