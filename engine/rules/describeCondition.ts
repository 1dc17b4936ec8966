/**
 * Conditions in words for a policy reader: "Tuổi (tròn năm tại ngày cử đi học) từ 33 trở lên", "Giới tính là nữ".
 * Pure; labels come from FACTS and LABELS, position names from the caller's catalogue.
 */
import type { Condition, LeafCondition } from '../documents/ruleset.ts';
import { EDUCATION_LEVELS, LABELS, RATINGS, THEORY_LEVELS, TRAINING_LEVELS, type Label } from '../documents/enums.ts';
import { FACTS, type FactSpec } from './facts.ts';
import type { Lang } from './messages.ts';
import { CUSTOM_OPERATORS } from './operators.ts';

/** The name of a position code (facts `position` and `planning`), or `undefined` when the catalogue lacks it. */
export type PositionName = (code: string) => Label | undefined;

/** Options of the describers. */
export interface DescribeOptions {
  /** Names position codes; without it, codes are shown as written, in quotes. */
  positionName?: PositionName | undefined;
}

/** The group kinds of a condition tree. */
export type GroupKind = 'all' | 'any' | 'not';

const GROUP_WORDS: Record<GroupKind, Label> = {
  all: { vi: 'tất cả các điều kiện sau', en: 'all of the following' },
  any: { vi: 'ít nhất một trong', en: 'at least one of' },
  not: { vi: 'không phải', en: 'not' },
};

/** The words for a group: all → "tất cả các điều kiện sau", any → "ít nhất một trong", not → "không phải". */
export function describeGroup(kind: GroupKind, lang: Lang): string {
  return GROUP_WORDS[kind][lang];
}

const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  sex: LABELS.sex, partyStatus: LABELS.partyStatus, education: LABELS.education, theoryLevel: LABELS.theoryLevel,
  level: LABELS.theoryLevel, mode: LABELS.mode, workplaceTier: LABELS.workplaceTier, sector: LABELS.sector, positionSector: LABELS.sector,
  civilServiceGrade: LABELS.civilServiceGrade, ratingLastYear: LABELS.rating, ratingYearBefore: LABELS.rating,
};

/** Rank facts whose number names an enum value: the value shown beside the number, "dưới 1 (sơ cấp)". */
const RANK_NAMES: Readonly<Record<string, (n: number) => Label | undefined>> = {
  levelRank: (n) => LABELS.theoryLevel[TRAINING_LEVELS[n - 1]!],
  educationRank: (n) => LABELS.education[EDUCATION_LEVELS[n]!],
  theoryRank: (n) => LABELS.theoryLevel[THEORY_LEVELS[n]!],
  ratingRankLastYear: (n) => LABELS.rating[RATINGS[n]!],
  ratingRankYearBefore: (n) => LABELS.rating[RATINGS[n]!],
};

const POSITION_FACTS: ReadonlySet<string> = new Set(['position', 'planning']);

/** `onOrdinal` is a date written as a number: it reads as a date, with its own subject. */
const DATE_FACT = 'onOrdinal';
const DATE_SUBJECT: Label = { vi: 'Ngày cử đi học', en: 'Nomination date' };

const NUMERIC: Readonly<Record<string, Label>> = {
  greaterThanInclusive: { vi: 'từ {v} trở lên', en: 'at least {v}' },
  greaterThan: { vi: 'trên {v}', en: 'more than {v}' },
  lessThanInclusive: { vi: 'từ {v} trở xuống', en: 'at most {v}' },
  lessThan: { vi: 'dưới {v}', en: 'less than {v}' },
};
const DATE_NUMERIC: Readonly<Record<string, Label>> = {
  greaterThanInclusive: { vi: 'từ {v} trở đi', en: 'on or after {v}' },
  greaterThan: { vi: 'sau {v}', en: 'after {v}' },
  lessThanInclusive: { vi: 'đến hết {v}', en: 'on or before {v}' },
  lessThan: { vi: 'trước {v}', en: 'before {v}' },
};
const LIST_WORDS: Readonly<Record<string, Label>> = {
  in: { vi: 'là một trong', en: 'is one of' },
  notIn: { vi: 'không là một trong', en: 'is none of' },
  intersects: { vi: CUSTOM_OPERATORS.find((o) => o.name === 'intersects')?.label.vi ?? 'có ít nhất một trong', en: 'includes at least one of' },
};

/** The list-valued operators: their value is a list, shown item by item. */
export const LIST_OPERATORS: ReadonlySet<string> = new Set(Object.keys(LIST_WORDS));

function spec(fact: string): FactSpec | undefined {
  return Object.hasOwn(FACTS, fact) ? (FACTS as Record<string, FactSpec>)[fact] : undefined;
}

function isFactReference(v: unknown): v is { fact: string; path?: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
}

/** JSON text of a value that never throws (a parsed ruleset is JSON, but the describers take any value). */
export function rawValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The raw form of a leaf, "fact operator value", used when it cannot be said in words. */
export function rawCondition(leaf: LeafCondition): string {
  return `${leaf.fact}${leaf.path ? ` ${leaf.path}` : ''} ${leaf.operator} ${rawValue(leaf.value)}`;
}

function dateText(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 10000101 || n > 99991231) return undefined;
  const y = Math.floor(n / 10000);
  const m = String(Math.floor(n / 100) % 100).padStart(2, '0');
  const d = String(n % 100).padStart(2, '0');
  // Dates are shown DD/MM/YYYY in both languages.
  return `${d}/${m}/${y}`;
}

/**
 * One value of `fact` in words: an enum value through LABELS, a position code through `positionName`, a date for
 * `onOrdinal`, a rank with the level it stands for, a fact reference by its label; `undefined` when the value does
 * not fit the fact.
 */
export function describeValue(fact: string, value: unknown, lang: Lang, options: DescribeOptions = {}): string | undefined {
  if (isFactReference(value)) {
    const ref = spec(value.fact);
    return ref ? `${ref.label[lang]}${value.path ? ` (${value.path})` : ''}` : undefined;
  }
  if (value === null) return lang === 'vi' ? 'không rõ' : 'unknown';
  if (typeof value === 'boolean') return value ? (lang === 'vi' ? 'có' : 'yes') : (lang === 'vi' ? 'không' : 'no');
  if (typeof value === 'number') {
    if (fact === DATE_FACT) return dateText(value);
    const named = RANK_NAMES[fact]?.(value);
    return named ? `${value} (${named[lang]})` : String(value);
  }
  if (typeof value !== 'string') return undefined;
  if (POSITION_FACTS.has(fact)) {
    const name = options.positionName?.(value);
    return name ? name[lang] : `"${value}"`;
  }
  const table = ENUM_LABELS[fact];
  if (table) return Object.hasOwn(table, value) ? table[value]![lang] : `"${value}"`;
  return `"${value}"`;
}

function describeList(fact: string, value: unknown, lang: Lang, options: DescribeOptions): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items = value.map((v) => describeValue(fact, v, lang, options));
  return items.every((t) => t !== undefined) ? items.join(', ') : undefined;
}

/** The subject of a leaf: the fact's label (with the path read from it), or `undefined` for an unknown fact. */
export function describeSubject(leaf: Pick<LeafCondition, 'fact' | 'path'>, lang: Lang): string | undefined {
  const s = spec(leaf.fact);
  if (!s) return undefined;
  const label = leaf.fact === DATE_FACT ? DATE_SUBJECT[lang] : s.label[lang];
  return leaf.path ? `${label} (${leaf.path})` : label;
}

/**
 * What a leaf says of its fact: "từ 33 trở lên", "là nữ", ": có", or `undefined` when the operator is unknown or the
 * value does not fit it. Starts with ": " for a boolean fact compared to a boolean ("Người dân tộc thiểu số: có").
 */
export function describePredicate(leaf: Pick<LeafCondition, 'fact' | 'operator' | 'value'>, lang: Lang, options: DescribeOptions = {}): string | undefined {
  const { fact, operator, value } = leaf;
  const s = spec(fact);
  if (!s) return undefined;
  if (operator.startsWith('not:')) {
    const inner = describePredicate({ fact, operator: operator.slice(4), value }, lang, options);
    return inner === undefined ? undefined : `${lang === 'vi' ? 'không phải' : 'not'} (${inner.replace(/^: /, '')})`;
  }
  if (s.type === 'boolean' && typeof value === 'boolean' && (operator === 'equal' || operator === 'notEqual')) {
    return `: ${describeValue(fact, operator === 'equal' ? value : !value, lang, options)}`;
  }
  if (value === null && (operator === 'equal' || operator === 'notEqual')) {
    const known = operator === 'notEqual';
    return lang === 'vi' ? (known ? 'đã xác định' : 'không rõ') : (known ? 'is known' : 'is unknown');
  }
  const numeric = (fact === DATE_FACT ? DATE_NUMERIC : NUMERIC)[operator];
  if (numeric) {
    if (typeof value !== 'number' && !isFactReference(value)) return undefined;
    const v = describeValue(fact, value, lang, options);
    return v === undefined ? undefined : numeric[lang].replace('{v}', v);
  }
  const list = LIST_WORDS[operator];
  if (list) {
    if (typeof value === 'string' && operator !== 'intersects') {
      return lang === 'vi' ? `${operator === 'in' ? 'là một phần của' : 'không là một phần của'} "${value}"` : `${operator === 'in' ? 'is part of' : 'is not part of'} "${value}"`;
    }
    const items = describeList(fact, value, lang, options);
    return items === undefined ? undefined : `${list[lang]}: ${items}`;
  }
  const v = describeValue(fact, value, lang, options);
  if (v === undefined) return undefined;
  switch (operator) {
    case 'equal': return lang === 'vi' ? `là ${v}` : `is ${v}`;
    case 'notEqual': return lang === 'vi' ? `không là ${v}` : `is not ${v}`;
    case 'contains': return lang === 'vi' ? `gồm ${v}` : `includes ${v}`;
    case 'doesNotContain': return lang === 'vi' ? `không gồm ${v}` : `does not include ${v}`;
    default: return undefined;
  }
}

function join(subject: string, predicate: string): string {
  return predicate.startsWith(':') ? `${subject}${predicate}` : `${subject} ${predicate}`;
}

/**
 * A leaf condition in words, e.g. `{ fact: 'age', operator: 'greaterThanInclusive', value: 33 }` → vi
 * "Tuổi (tròn năm tại ngày cử đi học) từ 33 trở lên", en "Age (whole years on the nomination date) at least 33".
 * An unknown fact or operator, or a value that does not fit, gives the raw "fact operator value" text. Never throws.
 */
export function describeCondition(leaf: LeafCondition, lang: Lang, options: DescribeOptions = {}): string {
  const subject = describeSubject(leaf, lang);
  const predicate = describePredicate(leaf, lang, options);
  return subject === undefined || predicate === undefined ? rawCondition(leaf) : join(subject, predicate);
}

/** Whether `describeCondition` says the leaf in words (in both languages) rather than in its raw form. */
export function isDescribable(leaf: LeafCondition, options: DescribeOptions = {}): boolean {
  return (['vi', 'en'] as const).every((l) => describeSubject(leaf, l) !== undefined && describePredicate(leaf, l, options) !== undefined);
}

/** Whether a condition is a leaf (has a fact) rather than a group. */
export function isLeaf(c: Condition): c is LeafCondition {
  return typeof c === 'object' && c !== null && 'fact' in c;
}

/**
 * A whole condition tree on one line: a leaf as `describeCondition`, a group as its words followed by its members
 * ("ít nhất một trong: (A; B)"). Never throws.
 */
export function describeConditionTree(c: Condition, lang: Lang, options: DescribeOptions = {}): string {
  if (isLeaf(c)) return describeCondition(c, lang, options);
  if ('not' in c) return `${GROUP_WORDS.not[lang]} (${describeConditionTree(c.not, lang, options)})`;
  const kind = 'all' in c ? 'all' : 'any';
  const members = ('all' in c ? c.all : c.any) ?? [];
  return `${GROUP_WORDS[kind][lang]}: (${members.map((m) => describeConditionTree(m, lang, options)).join('; ')})`;
}
