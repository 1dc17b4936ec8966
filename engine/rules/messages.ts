/**
 * Fills rule messages: `{age}` and the other placeholders become the cadre's values, in Vietnamese by default.
 * The placeholder list is fixed so the ruleset validator can reject a misspelt one before a user ever sees it.
 */
import { LABELS, type Label } from '../documents/enums.ts';
import type { FactName, Facts } from './facts.ts';

export type Lang = 'vi' | 'en';

export interface MessageContext {
  facts: Facts;
  /** Nomination year, for "{lastYear}" and "{yearBefore}". */
  year: number;
  positionName: (code: string) => Label | undefined;
}

function label(table: Record<string, Label>, value: string | null, lang: Lang): string {
  if (value === null) return lang === 'vi' ? 'không rõ' : 'unknown';
  return table[value]?.[lang] ?? value;
}

type Filler = (ctx: MessageContext, lang: Lang) => string;

const unknown = (lang: Lang) => (lang === 'vi' ? 'không rõ' : 'unknown');
const num = (v: number | null, lang: Lang) => (v === null ? unknown(lang) : String(v));

const FILLERS = {
  age: (c) => String(c.facts.age),
  sexLabel: (c, l) => label(LABELS.sex, c.facts.sex, l),
  partyStatusLabel: (c, l) => label(LABELS.partyStatus, c.facts.partyStatus, l),
  educationLabel: (c, l) => label(LABELS.education, c.facts.education, l),
  theoryLevelLabel: (c, l) => label(LABELS.theoryLevel, c.facts.theoryLevel, l),
  levelLabel: (c, l) => label(LABELS.theoryLevel, c.facts.level, l),
  modeLabel: (c, l) => label(LABELS.mode, c.facts.mode, l),
  workplaceTierLabel: (c, l) => label(LABELS.workplaceTier, c.facts.workplaceTier, l),
  sectorLabel: (c, l) => label(LABELS.sector, c.facts.sector, l),
  gradeLabel: (c, l) => label(LABELS.civilServiceGrade, c.facts.civilServiceGrade, l),
  province: (c, l) => c.facts.province ?? unknown(l),
  positionLabel: (c, l) => (c.facts.position === null ? (l === 'vi' ? 'không giữ chức vụ' : 'no position') : c.positionName(c.facts.position)?.[l] ?? c.facts.position),
  planningLabel: (c, l) => {
    const planning = c.facts.planning;
    if (planning.length === 0) return l === 'vi' ? 'không' : 'none';
    let text = c.positionName(planning[0]!)?.[l] ?? planning[0]!;
    for (let i = 1; i < planning.length; i++) text += `, ${c.positionName(planning[i]!)?.[l] ?? planning[i]!}`;
    return text;
  },
  yearsInGrade: (c, l) => num(c.facts.yearsInGrade, l),
  yearsTeaching: (c, l) => num(c.facts.yearsTeaching, l),
  lastYear: (c) => String(c.year - 1),
  yearBefore: (c) => String(c.year - 2),
  ratingLastYearLabel: (c, l) => (c.facts.ratingLastYear === null ? (l === 'vi' ? 'chưa có xếp loại' : 'no rating') : label(LABELS.rating, c.facts.ratingLastYear, l)),
  ratingYearBeforeLabel: (c, l) => (c.facts.ratingYearBefore === null ? (l === 'vi' ? 'chưa có xếp loại' : 'no rating') : label(LABELS.rating, c.facts.ratingYearBefore, l)),
} satisfies Record<string, Filler>;

/** Every placeholder a message may use. */
export const PLACEHOLDERS: Readonly<Record<string, Filler>> = FILLERS;

/**
 * The facts each placeholder's text is made from, given the checker's position names and a nomination year taken
 * from `onOrdinal` (as `createChecker` gives them): texts made from the same values are the same text.
 */
const READS: Record<keyof typeof FILLERS, readonly FactName[]> = {
  age: ['age'], sexLabel: ['sex'], partyStatusLabel: ['partyStatus'], educationLabel: ['education'],
  theoryLevelLabel: ['theoryLevel'], levelLabel: ['level'], modeLabel: ['mode'], workplaceTierLabel: ['workplaceTier'],
  sectorLabel: ['sector'], gradeLabel: ['civilServiceGrade'], province: ['province'], positionLabel: ['position'],
  planningLabel: ['planning'], yearsInGrade: ['yearsInGrade'], yearsTeaching: ['yearsTeaching'], lastYear: ['onOrdinal'],
  yearBefore: ['onOrdinal'], ratingLastYearLabel: ['ratingLastYear'], ratingYearBeforeLabel: ['ratingYearBefore'],
};

/** The facts that the placeholders of `templates` read, each once, in a stable order. */
export function factsReadBy(templates: readonly string[]): FactName[] {
  const found = new Set<FactName>();
  for (const t of templates) {
    for (const m of t.matchAll(PLACEHOLDER)) if (Object.hasOwn(READS, m[1]!)) for (const f of READS[m[1] as keyof typeof FILLERS]) found.add(f);
  }
  return [...found].sort();
}


const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Placeholders used in a template that are not in `PLACEHOLDERS`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !Object.hasOwn(PLACEHOLDERS, n));
}

/**
 * A template split once into its text and its placeholders: `parts[0] {0} parts[1] {1} …`, with `fillers[i]` the
 * filler of placeholder i and `wholes[i]` the placeholder as written (kept when it has no filler). `filled`
 * remembers the text for each combination of placeholder values (a trie, one level per placeholder): a cohort
 * repeats a few hundred combinations, and the same text object then serves every cadre that has them.
 */
interface CompiledTemplate { parts: string[]; wholes: string[]; fillers: Array<Filler | undefined>; filled: Map<string, unknown>; size: number }

/** Templates come from a few rulesets; the caps only guard against endless distinct texts or value combinations. */
const COMPILED = new Map<string, CompiledTemplate>();
const MAX_COMPILED = 4096;
const MAX_FILLED = 20_000;

function compile(template: string): CompiledTemplate {
  let c = COMPILED.get(template);
  if (c) return c;
  c = { parts: [], wholes: [], fillers: [], filled: new Map(), size: 0 };
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    c.parts.push(template.slice(from, m.index));
    c.wholes.push(m[0]);
    // Own placeholders only: `{constructor}` must stay as written, never call Object's constructor.
    c.fillers.push(Object.hasOwn(PLACEHOLDERS, m[1]!) ? PLACEHOLDERS[m[1]!] : undefined);
    from = m.index + m[0].length;
  }
  c.parts.push(template.slice(from));
  if (COMPILED.size >= MAX_COMPILED) COMPILED.clear();
  COMPILED.set(template, c);
  return c;
}

const VALUES: string[] = [];

/** The template with every known placeholder replaced; an unknown one stays as written. */
export function fillMessage(template: string, ctx: MessageContext, lang: Lang): string {
  const c = compile(template);
  const { parts, fillers, wholes } = c;
  const k = fillers.length;
  if (k === 0) return parts[0]!;
  for (let i = 0; i < k; i++) {
    const fill = fillers[i];
    VALUES[i] = fill === undefined ? wholes[i]! : fill(ctx, lang);
  }
  let node = c.filled;
  for (let i = 0; i < k - 1; i++) {
    const next = node.get(VALUES[i]!) as Map<string, unknown> | undefined;
    if (!next) return remember(c, node, i);
    node = next;
  }
  const text = node.get(VALUES[k - 1]!) as string | undefined;
  return text ?? remember(c, node, k - 1);
}

/** Builds the text of `VALUES` and, below the cap, files it under the trie path from `node` (at level `from`). */
function remember(c: CompiledTemplate, node: Map<string, unknown>, from: number): string {
  const k = c.fillers.length;
  let text = c.parts[0]!;
  for (let i = 0; i < k; i++) text += VALUES[i]! + c.parts[i + 1]!;
  if (c.size >= MAX_FILLED) return text;
  for (let i = from; i < k - 1; i++) {
    const next = new Map<string, unknown>();
    node.set(VALUES[i]!, next);
    node = next;
  }
  node.set(VALUES[k - 1]!, text);
  c.size++;
  return text;
}
