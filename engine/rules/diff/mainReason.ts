/**
 * Which compared cadres a listing shows, and the reason a person reads first for each: what B fails that A did not
 * (lost, or other reasons), what no longer blocks one who gained (A's first failure), the change of school, or why a
 * side refused to check. One choice for `llct diff` and the editor's comparison view. Pure.
 */
import { citationIn } from '../../documents/ruleset.ts';
import type { Label } from '../../documents/enums.ts';
import { newFailures, type CadreDiff, type SideResult } from './diffVerdicts.ts';

/** Gained, lost, not comparable, or the school or the reasons changed: what a listing shows without "all". */
export function isChanged(d: CadreDiff): boolean {
  return d.change === 'gained' || d.change === 'lost' || d.change === 'invalid' || d.institutionChanged || d.reasonsChanged;
}

export interface ReasonPart {
  /** A lead-in, when the text needs one ("Hết vướng", "Cơ sở đào tạo", "Bên A"). */
  lead?: Label;
  text: Label;
  citation?: string;
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
  if (d.change === 'gained' && a.failures[0]) {
    const f = a.failures[0];
    parts.push({ lead: NO_LONGER, text: textOf(f), citation: f.citation });
  } else if (d.change === 'lost' || d.reasonsChanged) {
    const f = newFailures(a, b)[0] ?? b.failures[0];
    if (f) parts.push({ text: textOf(f), citation: f.citation });
  }
  if (d.institutionChanged) {
    const name = (s: typeof a, lang: 'vi' | 'en') => (s.institution ? (lang === 'en' ? s.institution.nameEn : s.institution.name) : '—');
    parts.push({ lead: INSTITUTION, text: { vi: `${name(a, 'vi')} → ${name(b, 'vi')}`, en: `${name(a, 'en')} → ${name(b, 'en')}` } });
  }
  return parts;
}

/** The parts as one line of text: `lead: text (citation); …`. */
export function reasonText(parts: readonly ReasonPart[], lang: 'vi' | 'en'): string {
  return parts.map((p) => `${p.lead && p.lead[lang] ? `${p.lead[lang]}: ` : ''}${p.text[lang]}${p.citation ? ` (${citationIn(p.citation, lang)})` : ''}`).join('; ');
}
