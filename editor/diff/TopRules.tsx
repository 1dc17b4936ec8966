/** The rules behind the gains or the losses, most frequent first, each with its citation and the cadres it concerns. */
import type { RuleCount } from '../../engine/rules/diff/createCohortDiff.ts';
import type { Lang } from '../i18n/strings.ts';
import { formatCount, formatPercent } from './formatNumbers.ts';
import { citationIn } from '../../engine/documents/ruleset.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

const TOP = 5;

export interface TopRulesProps {
  testId: string;
  title: string;
  hint: string;
  /** Rule id → cadres, most frequent first (the engine's `byRule`). */
  rules: Record<string, RuleCount>;
  /** The cadres the shares are of (those who lost, or gained). */
  of: number;
  lang: Lang;
}

export function TopRules({ testId, title, hint, rules, of, lang }: TopRulesProps) {
  const entries = Object.entries(rules);
  return (
    <section className="card" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <p className="muted small">{hint}</p>
      {entries.length === 0
        ? <p className="muted">{text(lang, 'diff.noneInList')}</p>
        : (
          <ol className="rule-list top-rules">
            {entries.slice(0, TOP).map(([id, r]) => (
              <li key={id} data-testid="top-rule" data-rule={id} data-count={r.count}>
                <div className="top-rule-line">
                  <span>{r.title ? r.title[lang] : id}</span>
                  <strong className="top-rule-count">
                    {text(lang, 'diff.cadresCount', { n: formatCount(r.count, lang) })} ({formatPercent(r.count, of, lang)})
                  </strong>
                </div>
                <div className="rule-meta"><span className="citation">{citationIn(r.citation, lang)}</span></div>
              </li>
            ))}
          </ol>
        )}
      {entries.length > TOP && <p className="muted small">{text(lang, 'diff.moreRules', { n: formatCount(entries.length - TOP, lang) })}</p>}
    </section>
  );
}
