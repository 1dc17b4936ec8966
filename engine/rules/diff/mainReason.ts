/**
 * Which compared cadres a listing shows, and the reason a person reads first for each: what B fails that A did not
 * (lost, or other reasons), what no longer blocks one who gained (A's first failure), the change of school, or why a
 * side refused to check. One choice for `llct diff` and the editor's comparison view. Pure.
 */
import { citationIn } from '../../documents/ruleset.ts';
import type { Label } from '../../documents/enums.ts';
import { newFailures, type CadreDiff, type SideResult } from './diffVerdicts.ts';
import { decisionName, sideDecisionText } from './sideDecision.ts';
import { failureCitation } from '../buildFailures.ts';

/**
 * Gained, lost, not comparable, the school or the reasons changed, or the verdict rests on a special decision on one
 * side only: what a listing shows without "all".
 */
export function isChanged(d: CadreDiff): boolean {
  return d.change === 'gained' || d.change === 'lost' || d.change === 'invalid' || d.institutionChanged || d.reasonsChanged
    || restsOnDecision(d.a) !== restsOnDecision(d.b);
}

/** Eligible by special decision: eligible, and the decision waived a failing rule. */
export function restsOnDecision(s: SideResult): boolean {
  return s.ok && s.eligible && s.specialDecision?.use === 'applied';
}

export interface ReasonPart {
  /** A lead-in, when the text needs one ("Hết vướng", "Cơ sở đào tạo", "Bên A"). */
  lead?: Label;
  text: Label;
  citation?: string;
  /** The citation in English when it is another text than the regulation's (the out-of-scope reason). */
  citationEn?: string;
}

const NO_LONGER: Label = { vi: 'Hết vướng', en: 'No longer blocked by' };
const INSTITUTION: Label = { vi: 'Cơ sở đào tạo', en: 'Institution' };

const textOf = (m: { message: string; messageEn: string }): Label => ({ vi: m.message, en: m.messageEn });

/** The parts of a changed cadre's main reason, in reading order (empty for an unchanged one). */
export function mainReason(d: CadreDiff): ReasonPart[] {
  const { a, b } = d;
  if (!a.ok || !b.ok) {
    const [name, s] = !a.ok ? (['A', a] as const) : (['B', b as Extract<SideResult, { ok: false }>] as const);
    const first = s.diagnostics[0];
    return [{ lead: { vi: `Bên ${name}`, en: `Side ${name}` }, text: first ? textOf(first) : { vi: '', en: '' } }];
  }
  const parts: ReasonPart[] = [];
  if (d.byDecision) {
    parts.push(...byDecisionParts(d, d.byDecision));
  } else if (d.change === 'gained' && a.failures[0]) {
    const f = a.failures[0];
    parts.push({ lead: NO_LONGER, text: textOf(f), citation: f.citation, ...(f.citationEn ? { citationEn: f.citationEn } : {}) });
  } else if (d.change === 'lost' || d.reasonsChanged) {
    const f = newFailures(a, b)[0] ?? b.failures[0];
    if (f) parts.push({ text: textOf(f), citation: f.citation, ...(f.citationEn ? { citationEn: f.citationEn } : {}) });
  }
  if (!d.byDecision) {
    const decision = decisionPart(a, b);
    if (decision) parts.push(decision);
  }
  if (d.institutionChanged) {
    const name = (s: typeof a, lang: 'vi' | 'en') => (s.institution ? s.institution.name[lang] : '—');
    parts.push({ lead: INSTITUTION, text: { vi: `${name(a, 'vi')} → ${name(b, 'vi')}`, en: `${name(a, 'en')} → ${name(b, 'en')}` } });
  }
  return parts;
}

const DECISION: Label = { vi: 'Quyết định đặc biệt', en: 'Special decision' };

/**
 * A change resting on the decision alone: "eligible under B by special decision no. …, not eligible under A (A has
 * no rule a special decision may waive)", then what still blocks the other side.
 */
function byDecisionParts(d: CadreDiff, side: 'a' | 'b'): ReasonPart[] {
  const [yes, no] = side === 'b' ? [d.b, d.a] : [d.a, d.b];
  const [yesName, noName] = side === 'b' ? ['B', 'A'] : ['A', 'B'];
  if (!yes.ok || !no.ok || !yes.specialDecision) return [];
  const sd = yes.specialDecision;
  const name = decisionName(sd);
  const why = no.specialDecision?.use === 'not-applicable' && no.specialDecision.reason
    ? no.specialDecision.reason.text
    : { vi: 'quyết định không đủ để đạt: còn vướng quy định khác', en: 'the decision is not enough there: other rules still fail' };
  const cited = sd.rule ? ` (${sd.rule.citation})` : '';
  const citedEn = sd.rule ? ` (${citationIn(sd.rule.citation, 'en')})` : '';
  const parts: ReasonPart[] = [{
    lead: DECISION,
    text: {
      vi: `đủ điều kiện theo ${yes.regulation} (bên ${yesName}) nhờ ${name.vi}, miễn quy tắc ${sd.waives}${cited}; chưa đủ điều kiện theo ${no.regulation} (bên ${noName}): ${why.vi}`,
      en: `eligible under ${yes.regulation} (side ${yesName}) by ${name.en}, waiving rule ${sd.waives}${citedEn}; not eligible under ${no.regulation} (side ${noName}): ${why.en}`,
    },
  }];
  const f = no.failures[0];
  if (f) parts.push({ lead: { vi: `Bên ${noName} còn vướng`, en: `Side ${noName} still fails` }, text: textOf(f), citation: f.citation, ...(f.citationEn ? { citationEn: f.citationEn } : {}) });
  return parts;
}

/** The decision on each side, when one side applied it or could not use it (nothing when both merely did not need it). */
function decisionPart(a: Extract<SideResult, { ok: true }>, b: Extract<SideResult, { ok: true }>): ReasonPart | undefined {
  const shown = [['A', a.specialDecision], ['B', b.specialDecision]] as const;
  if (!shown.some(([, sd]) => sd && sd.use !== 'not-needed')) return undefined;
  const vi: string[] = [];
  const en: string[] = [];
  for (const [name, sd] of shown) {
    if (!sd) continue;
    const text = sideDecisionText(sd);
    vi.push(`bên ${name}: ${text.vi}`);
    en.push(`side ${name}: ${text.en}`);
  }
  return { lead: DECISION, text: { vi: vi.join('; '), en: en.join('; ') } };
}

/** A part's citation in `lang` (its own English text when it has one). */
export function partCitation(p: Pick<ReasonPart, 'citation' | 'citationEn'>, lang: 'vi' | 'en'): string {
  return p.citation ? failureCitation({ citation: p.citation, ...(p.citationEn !== undefined ? { citationEn: p.citationEn } : {}) }, lang) : '';
}

/** The parts as one line of text: `lead: text (citation); …`. */
export function reasonText(parts: readonly ReasonPart[], lang: 'vi' | 'en'): string {
  return parts.map((p) => `${p.lead && p.lead[lang] ? `${p.lead[lang]}: ` : ''}${p.text[lang]}${p.citation ? ` (${partCitation(p, lang)})` : ''}`).join('; ');
}
