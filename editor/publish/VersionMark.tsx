/**
 * What a saved version is: published (its revision and decision — number, signing date, applies-from, DD/MM/YYYY)
 * or a draft. `versionSideLabel` is the same in the words of a comparison's side.
 */
import { decisionText } from '../../engine/documents/decision.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { formatDateTime } from '../i18n/formatDateTime.ts';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/publishStrings.ts';
import { text } from '../i18n/text.ts';
import type { VersionRecord } from '../workspace/records.ts';
import { publicationOf } from './publicationState.ts';

export function VersionMark({ snapshot, lang }: { snapshot: Ruleset; lang: Lang }) {
  const p = publicationOf(snapshot);
  if (!p) return <span className="badge badge-draft" data-testid="version-draft">{text(lang, 'publish.draft')}</span>;
  const d = p.decision;
  const dates = d.appliesUntil
    ? text(lang, 'publish.decisionDatesUntil', { signed: formatDate(d.signedOn), from: formatDate(d.appliesFrom), until: formatDate(d.appliesUntil) })
    : text(lang, 'publish.decisionDates', { signed: formatDate(d.signedOn), from: formatDate(d.appliesFrom) });
  return (
    <span className="version-decision" data-testid="version-published" data-decision={d.id}>
      <span className="badge badge-ok">{text(lang, 'publish.published')}</span>{' '}
      {text(lang, 'publish.underDecision', { revision: p.revision, decision: decisionText(d, lang) })} <span className="muted">({dates})</span>
    </span>
  );
}

/** A saved version as a side of a comparison: "name — revision 2, under 10-QĐ/TU of 28/11/2025" or "name (draft, saved …)". */
export function versionSideLabel(v: VersionRecord, lang: Lang): string {
  const p = publicationOf(v.snapshot);
  return p
    ? text(lang, 'publish.sidePublished', { name: v.name, revision: p.revision, decision: decisionText(p.decision, lang) })
    : text(lang, 'publish.sideDraft', { name: v.name, saved: formatDateTime(v.savedAt) });
}
