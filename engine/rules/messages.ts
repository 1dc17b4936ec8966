/**
 * Fills rule messages: `{age}` and the other placeholders become the cadre's values, in Vietnamese by default.
 * The placeholder list is fixed so the ruleset validator can reject a misspelt one before a user ever sees it.
 */
import { LABELS, type Label } from '../documents/enums.ts';
import type { Facts } from './facts.ts';

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

/** Every placeholder a message may use. */
export const PLACEHOLDERS: Record<string, Filler> = {
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
  planningLabel: (c, l) => (c.facts.planning.length === 0 ? (l === 'vi' ? 'không' : 'none') : c.facts.planning.map((p) => c.positionName(p)?.[l] ?? p).join(', ')),
  yearsInGrade: (c, l) => num(c.facts.yearsInGrade, l),
  yearsTeaching: (c, l) => num(c.facts.yearsTeaching, l),
  lastYear: (c) => String(c.year - 1),
  yearBefore: (c) => String(c.year - 2),
  ratingLastYearLabel: (c, l) => (c.facts.ratingLastYear === null ? (l === 'vi' ? 'chưa có xếp loại' : 'no rating') : label(LABELS.rating, c.facts.ratingLastYear, l)),
  ratingYearBeforeLabel: (c, l) => (c.facts.ratingYearBefore === null ? (l === 'vi' ? 'chưa có xếp loại' : 'no rating') : label(LABELS.rating, c.facts.ratingYearBefore, l)),
};

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Placeholders used in a template that are not in `PLACEHOLDERS`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !(n in PLACEHOLDERS));
}

export function fillMessage(template: string, ctx: MessageContext, lang: Lang): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => PLACEHOLDERS[name]?.(ctx, lang) ?? whole);
}
