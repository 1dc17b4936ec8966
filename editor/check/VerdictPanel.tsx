/**
 * The verdict as a policy officer reads it: the regulation applied, eligible or not, every failure with the
 * cadre's value against the requirement and its citation, what was met, the school, and the warnings.
 */
import { messageIn, hintIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { Nomination } from '../../engine/documents/cadre.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import { citationIn, citationText, type Rule, type Ruleset } from '../../engine/documents/ruleset.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import { carriedOverText } from '../../engine/rules/carriedOver.ts';
import { basisText } from '../../engine/overlays/verdictBasis.ts';
import { basisAsStanding, type RulesetStanding } from '../publish/publicationState.ts';
import type { Failure, Verdict } from '../../engine/rules/buildVerdict.ts';
import { describeSpecialDecision } from '../../engine/rules/specialDecision.ts';
import { layerText } from '../../engine/overlays/verdictBasis.ts';
import type { Lang } from '../i18n/strings.ts';
import { ConfidenceBadge } from '../shared/ConfidenceBadge.tsx';
import type { VerdictState } from './useVerdict.ts';
import { text } from '../i18n/text.ts';

/** `standings`: where the workspace's rulesets stand, so a verdict of a ruleset edited since publication says it is a draft. */
export function VerdictPanel({ state, nomination, lang, standings }: { state: VerdictState; nomination: Nomination; lang: Lang; standings?: ReadonlyMap<string, RulesetStanding> | undefined }) {
  if (state.status === 'checking') return <p className="muted" aria-live="polite">{text(lang, 'page.checking')}</p>;
  if (state.status === 'failed') {
    return (
      <div className="alert alert-error" role="alert" data-testid="error">
        <p>{text(lang, 'page.evaluationError')}</p>
        <code>{state.error}</code>
      </div>
    );
  }
  if (state.status === 'rejected') {
    return (
      <div className="alert alert-error" role="alert" data-testid="error">
        <p><strong>{text(lang, 'page.cannotCheck')}</strong></p>
        <ul>
          {state.diagnostics.map((d, i) => (
            <li key={i}>{messageIn(d, lang)}{hintIn(d, lang) ? ` ${hintIn(d, lang)}` : ''} <code>{d.path}</code></li>
          ))}
        </ul>
      </div>
    );
  }
  return <VerdictView verdict={state.verdict} ruleset={state.ruleset} nomination={nomination} lang={lang} standings={standings} />;
}

function VerdictView({ verdict, ruleset, nomination, lang, standings }: { verdict: Verdict; ruleset: Ruleset | undefined; nomination: Nomination; lang: Lang; standings?: ReadonlyMap<string, RulesetStanding> | undefined }) {
  const basis = verdict.basis && basisAsStanding(verdict.basis, standings?.get(verdict.basis.ruleset));
  const rules = new Map<string, Rule>((ruleset?.rules ?? []).map((r) => [r.id, r]));
  const code = verdict.regulation;
  const met = [...verdict.subjects, ...verdict.passed].map((id) => rules.get(id)).filter((r): r is Rule => r !== undefined);
  const assumed = verdict.assumed.map((id) => rules.get(id)).filter((r): r is Rule => r !== undefined);

  return (
    <div className="verdict" aria-live="polite">
      <div className="verdict-head">
        <div>
          <div className="eyebrow">{text(lang, 'page.regulationApplied')}</div>
          <div className="regulation"><strong data-testid="regulation">{code}</strong></div>
          {ruleset && <div className="regulation-title">{ruleset.regulation.title}</div>}
          {basis && <div className="small" data-testid="verdict-basis" data-published={basis.published ? 'true' : 'false'}>{basisText(basis, lang)}</div>}
          <div className="muted">
            {LABELS.theoryLevel[nomination.level][lang]} · {LABELS.mode[nomination.mode][lang]} · {formatDate(nomination.on)}
          </div>
        </div>
        <div className={`verdict-badge ${verdict.eligible ? 'ok' : 'ko'}`} data-testid="verdict" data-eligible={String(verdict.eligible)} data-regulation={code}
          data-special-decision={verdict.specialDecision?.applied ? 'applied' : undefined} data-out-of-scope={verdict.outOfScope ? 'true' : undefined}>
          {verdict.eligible ? text(lang, verdict.specialDecision?.applied ? 'page.eligibleBySpecialDecision' : 'page.eligible') : text(lang, 'page.notEligible')}
          {verdict.outOfScope && <div className="small" data-testid="out-of-scope">{text(lang, 'page.outOfScope', { code })}</div>}
        </div>
      </div>

      {verdict.outOfScope && (
        <div className="alert alert-warning" role="note" data-testid="out-of-scope-reason">
          <p><strong>{text(lang, 'page.outOfScopeLead', { code })}</strong></p>
          {ruleset?.regulation.outOfScope?.note && (
            <p className="small" data-testid="out-of-scope-note">{ruleset.regulation.outOfScope.note[lang]}</p>
          )}
        </div>
      )}

      {verdict.warnings && verdict.warnings.length > 0 && (
        <div className="alert alert-warning" role="note" data-testid="verdict-warnings">
          <p><strong>⚠ {text(lang, 'page.verdictWarnings')}</strong></p>
          <ul>{verdict.warnings.map((w) => <li key={w.code} data-code={w.code}>{messageIn(w, lang)}</li>)}</ul>
        </div>
      )}

      {verdict.specialDecision && (
        <section data-testid="special-decision-outcome" data-applied={String(verdict.specialDecision.applied)} data-rule={verdict.specialDecision.waives}>
          <h3>{text(lang, 'page.specialDecisionHeading')}</h3>
          <p>⚖ {describeSpecialDecision(verdict.specialDecision, lang)}</p>
          {verdict.specialDecision.waived && (
            <p className="muted">{messageIn(verdict.specialDecision.waived, lang)}</p>
          )}
        </section>
      )}

      {assumed.length > 0 && (
        <div className="alert alert-warning" role="note" data-testid="assumed-warning">
          <p>⚠ {text(lang, 'page.assumedWarning')}</p>
          <ul>{assumed.map((r) => {
            const carried = carriedOverText(r, code);
            return (
              <li key={r.id} data-rule={r.id}>{r.title[lang]} <span className="citation">({citationText(code, r.citation, lang)})</span>
                {carried && <span className="muted" data-testid="carried-over"> — {carried[lang]}</span>}
              </li>
            );
          })}</ul>
        </div>
      )}

      {verdict.failures.length > 0 && (
        <section>
          <h3>{text(lang, 'page.failures')}</h3>
          <ul className="rule-list">
            {verdict.failures.map((f) => <FailureItem key={f.rule} failure={f} level={nomination.level} lang={lang} />)}
          </ul>
        </section>
      )}

      <section>
        <h3>{text(lang, 'page.institution')}</h3>
        {verdict.institution ? (
          <div className="institution" data-testid="institution" data-institution={verdict.institution.id}>
            <strong data-testid="institution-name">{verdict.institution.name[lang]}</strong>
            <div className="rule-meta">
              <span className="citation">{citationIn(verdict.institution.citation, lang)}</span>
              <ConfidenceBadge confidence={verdict.institution.confidence} lang={lang} />
            </div>
          </div>
        ) : <p data-testid="institution" className="muted">{text(lang, 'page.noInstitution')}</p>}
      </section>

      {verdict.notes.length > 0 && (
        <section>
          <h3>{text(lang, 'page.notes')} <span className="muted small">{text(lang, 'page.notesInVietnamese')}</span></h3>
          <ul className="notes">{verdict.notes.map((n) => <li key={n} data-testid="note" lang="vi">{n}</li>)}</ul>
        </section>
      )}

      {met.length > 0 && (
        <section>
          <h3>{text(lang, 'page.met')}</h3>
          <ul className="rule-list met">
            {met.map((r) => (
              <li key={r.id} data-testid="met" data-rule={r.id}>
                <span>{r.kind === 'subject' ? text(lang, 'page.subjectMatched') : text(lang, 'page.standardMet')}: {r.title[lang]}</span>
                <div className="rule-meta">
                  <span className="citation">{citationText(code, r.citation, lang)}</span>
                  <ConfidenceBadge confidence={r.confidence} lang={lang} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function FailureItem({ failure, level, lang }: { failure: Failure; level: Nomination['level']; lang: Lang }) {
  const alternatives = failure.alternatives ?? [];
  // A subject failure's message lists every subject group; the groups are shown one per line instead.
  const lead = alternatives.length > 0
    ? text(lang, 'page.notSubject', { level: LABELS.theoryLevel[level][lang] })
    : messageIn(failure, lang);
  return (
    <li className="failure" data-testid="failure" data-rule={failure.rule}>
      <span data-testid="failure-message">{lead}</span>
      <div className="rule-meta">
        <span className="citation" data-testid="failure-citation">{failureCitation(failure, lang)}</span>
        <ConfidenceBadge confidence={failure.confidence} lang={lang} />
      </div>
      {layerText(failure.layer, lang) && <div className="muted small" data-testid="failure-layer">{text(lang, 'overlay.layer', { layer: layerText(failure.layer, lang)! })}</div>}
      {alternatives.length > 0 && (
        <ul className="alternatives">
          {alternatives.map((a) => (
            <li key={a.rule} data-rule={a.rule}>
              {messageIn(a, lang)}
              <div className="rule-meta"><span className="citation">{failureCitation(a, lang)}</span><ConfidenceBadge confidence={a.confidence} lang={lang} /></div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
