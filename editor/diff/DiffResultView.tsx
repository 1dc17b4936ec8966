/** A finished comparison: what was compared, the counts, the rules behind the changes, the cadres, the bad rows. */
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS, type Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../i18n/strings.ts';
import { ChangedTable } from './ChangedTable.tsx';
import type { CohortResult } from './compareCohort.ts';
import { DiffStats } from './DiffStats.tsx';
import { formatCount, formatSeconds } from './formatNumbers.ts';
import { PrintListCard } from './PrintListCard.tsx';
import { ProblemList } from './ProblemList.tsx';
import { ResultsWorkbookCard } from './ResultsWorkbookCard.tsx';
import { TopRules } from './TopRules.tsx';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

export function DiffResultView({ result, lang, positionName, today }: { result: CohortResult; lang: Lang; positionName: (code: string) => Label | undefined; today: string }) {
  const { defaults, bOn } = result.setup;
  const { byRule, changes } = result.summary;
  return (
    <section className="diff-result" aria-labelledby="diff-result-heading" data-testid="diff-result">
      <div className="card">
        <h2 id="diff-result-heading">{text(lang, 'diff.diffResult')}</h2>
        <ul className="diff-head">
          <li>{text(lang, 'diff.diffFileLine', { file: result.file, rows: formatCount(result.rows, lang) })}</li>
          <li data-testid="side-a-label"><strong>A</strong>: {result.labels.a[lang]}</li>
          <li data-testid="side-b-label"><strong>B</strong>: {result.labels.b[lang]}{bOn ? ` — ${text(lang, 'diff.diffBDate').toLowerCase()} ${formatDate(bOn)}` : ''}</li>
          <li>{text(lang, 'diff.diffNominationLine', {
            level: LABELS.theoryLevel[defaults.level][lang], mode: LABELS.mode[defaults.mode][lang], date: formatDate(defaults.on),
          })}</li>
          <li className="muted small" data-testid="diff-elapsed" data-ms={Math.round(result.elapsedMs)}>
            {result.elapsedMs < 100 ? text(lang, 'diff.diffElapsedFast') : text(lang, 'diff.diffElapsed', { s: formatSeconds(result.elapsedMs, lang) })}
          </li>
        </ul>
        <DiffStats result={result} lang={lang} />
      </div>
      <div className="diff-why">
        <TopRules testId="why-lose" title={text(lang, 'diff.whyLose')} hint={text(lang, 'diff.whyLoseHint')} rules={byRule.lost} of={changes.lost} lang={lang} />
        <TopRules testId="why-gain" title={text(lang, 'diff.whyGain')} hint={text(lang, 'diff.whyGainHint')} rules={byRule.gained} of={changes.gained} lang={lang} />
      </div>
      <ChangedTable result={result} lang={lang} />
      {(result.errors.length > 0 || result.warnings.length > 0) && <ProblemList errors={result.errors} warnings={result.warnings} lang={lang} />}
      <ResultsWorkbookCard result={result} lang={lang} />
      <PrintListCard key={lang} result={result} positionName={positionName} lang={lang} today={today} />
    </section>
  );
}
