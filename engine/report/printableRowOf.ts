/**
 * One row of the printable list from a cadre and what the checker said of it, in the list's language: the failing
 * rules' messages with their citations and confidence, or, for a nomination that could not be judged, the errors
 * that stopped it. Pure.
 */
import type { CadreProfile } from '../documents/cadre.ts';
import type { Label } from '../documents/enums.ts';
import { messageIn } from '../diagnostics/Diagnostic.ts';
import type { Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { Confidence } from '../documents/enums.ts';
import { failureCitation } from '../rules/buildFailures.ts';
import type { Lang } from '../rules/messages.ts';
import type { PrintableRow } from './renderPrintableList.ts';

/**
 * What was said of a cadre, as the checker's outcome (`{ ok: true, verdict }`) and the comparison's sides
 * (`{ ok: true, ...side }`, see engine/rules/diff/diffVerdicts.ts) both say it.
 */
export type PrintableJudgement =
  | { ok: true; verdict: { eligible: boolean; failures: readonly PrintableFailure[]; institution: { name: Label } | null } }
  | { ok: false; diagnostics: readonly Diagnostic[] };

interface PrintableFailure { message: string; messageEn: string; citation: string; citationEn?: string | undefined; confidence: Confidence }

export function printableRowOf(profile: CadreProfile, outcome: PrintableJudgement, lang: Lang, positionName: (code: string) => Label | undefined): PrintableRow {
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
      text: messageIn(f, lang),
      citation: failureCitation(f, lang),
      confidence: f.confidence,
    })),
    institution: v.institution?.name[lang],
  };
}
