/**
 * The golden cases of the ruleset being edited, re-run on every change: a count, and each case that now fails
 * with what the regulation expects against what the edited rules give, and the rules behind the difference.
 */
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import type { GoldenReport, GoldenResult } from '../../engine/rules/runGoldenCases.ts';
import type { Lang } from '../i18n/strings.ts';
import { citationIn } from '../../engine/documents/ruleset.ts';
import { text } from '../i18n/text.ts';

export interface GoldenPanelProps {
  report: GoldenReport | undefined;
  lang: Lang;
  onSelectRule: (ruleId: string) => void;
  onOpenCase?: (id: string) => void;
}

/** The rule ids a failing case points at: failures expected or got but not both, and named rules that differ. */
export function rulesBehind(r: GoldenResult): string[] {
  const out = new Set<string>();
  const got = 'failures' in r.actual ? (r.actual as Verdict).failures.map((f) => f.rule) : [];
  const want = r.expected.failures ?? [];
  for (const x of got) if (!want.includes(x)) out.add(x);
  for (const x of want) if (!got.includes(x)) out.add(x);
  for (const [rule, pass] of Object.entries(r.expected.rules ?? {})) {
    const c = 'checked' in r.actual ? (r.actual as Verdict).checked.find((x) => x.rule === rule) : undefined;
    if (!c || c.passed !== pass) out.add(rule);
  }
  return [...out];
}

export function GoldenPanel({ report, lang, onSelectRule, onOpenCase }: GoldenPanelProps) {
  if (!report) return <p className="muted" data-testid="golden-none">{text(lang, 'rules.goldenNone')}</p>;
  const failing = report.results.filter((r) => !r.passed);
  return (
    <div className="golden" data-testid="golden" data-passed={report.passed} data-failed={report.failed}>
      <p data-testid="golden-summary" className={report.failed > 0 ? 'golden-summary bad' : 'golden-summary ok'}>
        {text(lang, 'rules.goldenSummary', { total: report.results.length, passed: report.passed, failed: report.failed })}
      </p>
      {failing.length === 0 ? <p className="muted">{text(lang, 'rules.goldenAllPass')}</p> : (
        <ul className="golden-failing" aria-label={text(lang, 'rules.goldenFailing')}>
          {failing.map((r) => {
            const actual = 'eligible' in r.actual ? (r.actual as Verdict) : undefined;
            return (
              <li key={r.id} className="golden-case" data-testid="golden-failing" data-case={r.id}>
                <div><strong>{r.id}</strong> — {r.title} <span className="citation">({citationIn(r.citation, lang)})</span></div>
                <dl className="expected-actual">
                  <dt>{text(lang, 'rules.expected')}</dt>
                  <dd data-testid="golden-expected">{expectationText(r, lang)}</dd>
                  <dt>{text(lang, 'rules.actual')}</dt>
                  <dd data-testid="golden-actual">{actual ? verdictText(actual, lang) : r.problems.join('; ')}</dd>
                </dl>
                <details className="problems">
                  <summary>{text(lang, 'rules.comparisonDetails')}</summary>
                  <ul>{r.problems.map((p) => <li key={p}><code lang="en">{p}</code></li>)}</ul>
                </details>
                {rulesBehind(r).length > 0 && (
                  <p>{text(lang, 'rules.rulesBehind')}:{' '}
                    {rulesBehind(r).map((id) => <button key={id} type="button" className="link" data-testid="golden-rule" onClick={() => onSelectRule(id)}>{id}</button>)}
                  </p>
                )}
                {onOpenCase && <button type="button" onClick={() => onOpenCase(r.id)}>{text(lang, 'rules.openInBench')}</button>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function expectationText(r: GoldenResult, lang: Lang): string {
  const e = r.expected;
  const parts: string[] = [];
  if (e.error) parts.push(e.error);
  if (e.eligible !== undefined) parts.push(text(lang, e.eligible ? 'rules.verdictEligible' : 'rules.verdictNotEligible'));
  if (e.failures) parts.push(text(lang, 'rules.verdictFails', { rules: e.failures.join(', ') }));
  for (const [rule, pass] of Object.entries(e.rules ?? {})) parts.push(text(lang, pass ? 'rules.verdictRulePasses' : 'rules.verdictRuleFails', { rule }));
  if (e.institution !== undefined) parts.push(text(lang, 'rules.verdictInstitution', { institution: e.institution ?? '—' }));
  return parts.join('; ');
}

function verdictText(v: Verdict, lang: Lang): string {
  const head = text(lang, v.eligible ? 'rules.verdictEligible' : 'rules.verdictNotEligible');
  return `${head}; ${text(lang, 'rules.verdictFails', { rules: v.failures.map((f) => f.rule).join(', ') })}; ${text(lang, 'rules.verdictInstitution', { institution: v.institution?.id ?? '—' })}`;
}
