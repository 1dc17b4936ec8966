/** Both sides of one compared cadre: the verdict, every failure with its citation, and the training institution. */
import { formatDate } from '../../engine/documents/dates.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { CadreDiff, SideResult } from '../../engine/rules/diff/diffVerdicts.ts';
import { restsOnDecision } from '../../engine/rules/diff/mainReason.ts';
import { capitalised, sideDecisionText, type SideDecision } from '../../engine/rules/diff/sideDecision.ts';
import type { Lang } from '../i18n/strings.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import { text } from '../i18n/text.ts';
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import '../i18n/diffStrings.ts';

export function CadreDetails({ diff, labels, lang }: { diff: CadreDiff; labels: { a: Label; b: Label }; lang: Lang }) {
  return (
    <div className="cadre-details">
      <SideDetails name="A" label={labels.a[lang]} side={diff.a} lang={lang} />
      <SideDetails name="B" label={labels.b[lang]} side={diff.b} lang={lang} />
    </div>
  );
}

function SideDetails({ name, label, side, lang }: { name: 'A' | 'B'; label: string; side: SideResult; lang: Lang }) {
  return (
    <div className="side-details" data-testid={`details-${name.toLowerCase()}`}>
      <h4>{text(lang, 'diff.sideHeading', { side: name, label })}</h4>
      {!side.ok
        ? (
          <>
            <p className="field-error">{text(lang, 'diff.sideNotChecked')}</p>
            <ul>{side.diagnostics.map((d, i) => <li key={i}>{messageIn(d, lang)}</li>)}</ul>
          </>
        )
        : (
          <>
            <p>
              <span className={`verdict-badge small-badge ${side.eligible ? 'ok' : 'ko'}`} data-eligible={String(side.eligible)}>
                {restsOnDecision(side) ? text(lang, 'page.eligibleBySpecialDecision') : side.eligible ? text(lang, 'page.eligible') : text(lang, 'page.notEligible')}
              </span>{' '}
              <span className="muted small">{side.regulation} · {formatDate(side.on)}</span>
            </p>
            {side.specialDecision && <DecisionNote decision={side.specialDecision} lang={lang} />}
            {side.failures.length > 0 && (
              <>
                <h5>{text(lang, 'page.failures')}</h5>
                <ul className="rule-list">
                  {side.failures.map((f) => (
                    <li key={f.rule} className="failure" data-testid="detail-failure" data-rule={f.rule}>
                      <span>{messageIn(f, lang)}</span>
                      <div className="rule-meta"><span className="citation">{failureCitation(f, lang)}</span></div>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h5>{text(lang, 'page.institution')}</h5>
            <p data-testid="detail-institution">
              {side.institution ? side.institution.name[lang] : text(lang, 'page.noInstitution')}
            </p>
          </>
        )}
    </div>
  );
}

const DECISION_HEADINGS = { applied: 'diff.sideDecisionApplied', 'not-needed': 'diff.sideDecisionNotNeeded', 'not-applicable': 'diff.sideDecisionNotApplicable' } as const;

/** The row's special decision as this side used it: waived, not needed, or set aside (judged without it) and why. */
function DecisionNote({ decision, lang }: { decision: SideDecision; lang: Lang }) {
  return (
    <div className={`special-decision decision-${decision.use}`} data-testid="detail-decision" data-use={decision.use}>
      <h5>{text(lang, DECISION_HEADINGS[decision.use])}</h5>
      <p>⚖ {capitalised(sideDecisionText(decision)[lang])}</p>
    </div>
  );
}
