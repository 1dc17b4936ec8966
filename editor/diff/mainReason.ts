/**
 * The reason a person reads first for a changed cadre: what B fails that A did not (lost, or other reasons), what
 * no longer blocks one who gained (A's first failure), the change of school, or why a side refused to check.
 * The same choice as `llct diff`'s table. Pure.
 */
import { newFailures, type CadreDiff, type SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import type { Lang } from '../i18n/strings.ts';

export interface ReasonPart {
  /** Short lead-in ("hết vướng", "cơ sở đào tạo", "Bên A"), when the text needs one. */
  lead?: string;
  text: string;
  citation?: string;
}

const LEADS = {
  noLonger: { vi: 'Hết vướng', en: 'No longer blocked by' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Training institution' },
  side: { vi: 'Bên', en: 'Side' },
} as const;

export function mainReason(d: CadreDiff, lang: Lang): ReasonPart[] {
  const { a, b } = d;
  const say = (m: { message: string; messageEn: string }) => (lang === 'en' ? m.messageEn : m.message);
  if (!a.ok || !b.ok) {
    const [name, s] = !a.ok ? (['A', a] as const) : (['B', b as Extract<SideResult, { ok: false }>] as const);
    const first = s.diagnostics[0];
    return [{ lead: `${LEADS.side[lang]} ${name}`, text: first ? say(first) : '' }];
  }
  const parts: ReasonPart[] = [];
  if (d.change === 'gained' && a.failures[0]) {
    const f = a.failures[0];
    parts.push({ lead: LEADS.noLonger[lang], text: say(f), citation: f.citation });
  } else if (d.change === 'lost' || d.reasonsChanged) {
    const f = newFailures(a, b)[0] ?? b.failures[0];
    if (f) parts.push({ text: say(f), citation: f.citation });
  }
  if (d.institutionChanged) {
    const name = (s: typeof a) => (s.institution ? (lang === 'en' ? s.institution.nameEn : s.institution.name) : '—');
    parts.push({ lead: LEADS.institution[lang], text: `${name(a)} → ${name(b)}` });
  }
  return parts;
}

/** The parts as one line of text (for the CSV export). */
export function reasonText(parts: readonly ReasonPart[]): string {
  return parts.map((p) => `${p.lead ? `${p.lead}: ` : ''}${p.text}${p.citation ? ` (${p.citation})` : ''}`).join('; ');
}
