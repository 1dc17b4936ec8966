/**
 * One row of the printable list from a cadre and what the checker said of it, in the list's language: the failing
 * rules' messages with their citations and confidence, or, for a nomination that could not be judged, the errors
 * that stopped it. Pure.
 */
import type { CadreProfile } from '../documents/cadre.ts';
import type { Label } from '../documents/enums.ts';
import { messageIn } from '../diagnostics/Diagnostic.ts';
import type { CheckOutcome } from '../rules/createChecker.ts';
import type { Lang } from '../rules/messages.ts';
import type { PrintableRow } from './renderPrintableList.ts';

export function printableRowOf(profile: CadreProfile, outcome: CheckOutcome, lang: Lang, positionName: (code: string) => Label | undefined): PrintableRow {
  const common = {
    id: profile.id,
    fullName: profile.fullName,
    birthDate: profile.birthDate,
    position: profile.position === undefined ? undefined : positionName(profile.position)?.[lang] ?? profile.position,
    agency: profile.workplace?.agency,
  };
  if (!outcome.ok) {
    return { ...common, verdict: 'invalid', reasons: outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ text: messageIn(d, lang) })) };
  }
  const v = outcome.verdict;
  return {
    ...common,
    verdict: v.eligible ? 'eligible' : 'ineligible',
    reasons: v.failures.map((f) => ({
      text: lang === 'vi' ? f.message : f.messageEn,
      citation: lang === 'en' && f.citationEn !== undefined ? f.citationEn : f.citation,
      confidence: f.confidence,
    })),
    institution: v.institution?.name[lang],
  };
}
