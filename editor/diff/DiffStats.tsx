/** The summary counts, each with its share of the cadres compared; `data-value` holds the plain number. */
import type { Lang } from '../i18n/strings.ts';
import type { CohortResult } from './compareCohort.ts';
import { formatCount, formatPercent } from './formatNumbers.ts';
import { text, type PlainTextKey } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

interface Stat { id: string; label: PlainTextKey; value: number; of?: number; detail?: string; tone?: 'ok' | 'ko' | 'warn' }

export function DiffStats({ result, lang }: { result: CohortResult; lang: Lang }) {
  const s = result.summary;
  const total = s.total;
  const stats: Stat[] = [
    { id: 'compared', label: 'diff.statCompared', value: total },
    { id: 'eligible-a', label: 'diff.statEligibleA', value: s.a.eligible, of: total },
    { id: 'eligible-b', label: 'diff.statEligibleB', value: s.b.eligible, of: total },
    { id: 'gained', label: 'diff.statGained', value: s.changes.gained, of: total, tone: 'ok' },
    { id: 'lost', label: 'diff.statLost', value: s.changes.lost, of: total, tone: 'ko' },
    {
      id: 'unchanged', label: 'diff.statUnchanged', value: s.changes['still-eligible'] + s.changes['still-ineligible'], of: total,
      detail: text(lang, 'diff.statUnchangedDetail', { eligible: formatCount(s.changes['still-eligible'], lang), ineligible: formatCount(s.changes['still-ineligible'], lang) }),
    },
    { id: 'institution', label: 'diff.statInstitution', value: s.institutionChanged, of: total },
    { id: 'reasons', label: 'diff.statReasons', value: s.reasonsChanged, of: total },
    { id: 'invalid', label: 'diff.statInvalid', value: s.changes.invalid, of: total, ...(s.changes.invalid > 0 ? { tone: 'warn' as const } : {}) },
    { id: 'unreadable', label: 'diff.statUnreadable', value: result.unreadable, of: result.rows, ...(result.unreadable > 0 ? { tone: 'warn' as const } : {}) },
  ];
  if (s.a.outOfScope > 0 || s.b.outOfScope > 0) {
    // Not eligible, but not for a reason of the cadre: the side's regulation does not regulate the level.
    stats.splice(3, 0, {
      id: 'out-of-scope', label: 'diff.statOutOfScope', value: s.a.outOfScope + s.b.outOfScope, tone: 'warn',
      detail: text(lang, 'diff.statOutOfScopeDetail', { a: formatCount(s.a.outOfScope, lang), b: formatCount(s.b.outOfScope, lang) }),
    });
  }
  const sd = s.specialDecisions;
  if (sd.recorded > 0) {
    stats.push({
      id: 'decisions', label: 'diff.statDecisions', value: sd.recorded, of: total,
      detail: text(lang, 'diff.statDecisionsDetail', {
        gained: formatCount(sd.gained, lang), lost: formatCount(sd.lost, lang),
        na: formatCount(sd.a['not-applicable'], lang), nb: formatCount(sd.b['not-applicable'], lang),
      }),
    });
  }
  return (
    <dl className="diff-stats">
      {stats.map((x) => (
        <div key={x.id} className={`stat${x.tone ? ` stat-${x.tone}` : ''}`} data-testid={`stat-${x.id}`} data-value={x.value}>
          <dt>{text(lang, x.label)}</dt>
          <dd>
            <span className="stat-value">{formatCount(x.value, lang)}</span>
            {x.of !== undefined && <span className="stat-percent"> ({formatPercent(x.value, x.of, lang)})</span>}
            {x.detail && <span className="stat-detail">{x.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
