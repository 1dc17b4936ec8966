/**
 * An overlay shown over its base (loaded on demand, when an overlay is the document chosen on the Rules tab): its
 * decisions, the base's rules with each one inherited (muted), replaced, disabled (struck through), its threshold
 * changed (old → new) or added, on a nomination date; and the overlay's diagnostics against the base. Read-only:
 * the changes are edited in the file (each under its decision) and imported again.
 */
import { useMemo, useState } from 'react';
import { messageIn, hintIn } from '../../../engine/diagnostics/Diagnostic.ts';
import { formatDate } from '../../../engine/documents/dates.ts';
import { LABELS } from '../../../engine/documents/enums.ts';
import { ConfidenceBadge } from '../../shared/ConfidenceBadge.tsx';
import { DateField } from '../../shared/DateField.tsx';
import type { Lang } from '../../i18n/strings.ts';
import { text } from '../../i18n/text.ts';
import type { Catalogues } from '../../workspace/analyseRuleset.ts';
import { workspaceRulesets } from '../../workspace/analyseRuleset.ts';
import { removeOverlay } from '../../workspace/commands/overlayCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import { recordOf, type RecordId, type Records } from '../../workspace/records.ts';
import { readOverlayRecord } from '../../workspace/workspaceOverlays.ts';
import { overlayViewModel, type OverlayChangeView, type OverlayRow } from './overlayViewModel.ts';
import './overlay.css';

export interface OverlayViewProps {
  records: Records;
  overlayId: RecordId;
  catalogues: Catalogues;
  lang: Lang;
  onCommand: (command: Command) => { ok: boolean };
  /** Called after the overlay is removed (the page then shows a ruleset). */
  onRemoved: () => void;
}

/** Today on the page's clock, as an ISO date (the view opens on it). */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const value = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function changeText(c: OverlayChangeView, lang: Lang): string {
  const vars = { decision: c.decision, date: formatDate(c.appliesFrom) };
  switch (c.op) {
    case 'add': return text(lang, 'overlay.added', vars);
    case 'replace': return text(lang, 'overlay.replaced', vars);
    case 'disable': return text(lang, 'overlay.disabled', vars);
    case 'threshold': return text(lang, 'overlay.threshold', { ...vars, fact: c.threshold!.fact, before: value(c.threshold!.before), after: value(c.threshold!.after) });
  }
}

function Illustrative({ lang }: { lang: Lang }) {
  return <span className="badge illustrative" data-testid="illustrative">{text(lang, 'overlay.illustrative')}</span>;
}

function RuleRow({ row, base, lang }: { row: OverlayRow; base: string; lang: Lang }) {
  return (
    <li className={`overlay-rule status-${row.status}`} data-testid="overlay-rule" data-rule={row.ruleId} data-status={row.status}>
      <div className="overlay-rule-title">
        <span className="rule-name">{row.title[lang]}</span>{' '}
        <code className="muted small">{row.ruleId}</code>{' '}
        <span className="muted small">{LABELS.theoryLevel[row.rule.level][lang]}</span>
        {row.rule.confidence === 'assumed' && <> <ConfidenceBadge confidence="assumed" lang={lang} /></>}
      </div>
      {row.changes.length === 0
        ? <div className="overlay-status muted small" data-testid="overlay-status">{text(lang, 'overlay.inherited', { base })}</div>
        : (
          <ul className="overlay-changes">
            {row.changes.map((c) => (
              <li key={c.index} data-testid="overlay-change" data-op={c.op} data-in-force={String(c.inForce)} className={c.inForce ? 'in-force' : 'not-yet'}>
                {changeText(c, lang)}
                {!c.inForce && <span className="muted"> — {text(lang, 'overlay.notYet')}</span>}
                {c.illustrative && <> <Illustrative lang={lang} /></>}
              </li>
            ))}
          </ul>
        )}
    </li>
  );
}

export function OverlayView({ records, overlayId, catalogues, lang, onCommand, onRemoved }: OverlayViewProps) {
  const [on, setOn] = useState(todayIso);
  const record = recordOf(records, overlayId, 'overlay');
  // The shipped regulations' workspace copies first: an imported namesake does not shadow the base.
  const bases = useMemo(() => [...workspaceRulesets(records, (o) => o === 'builtin'), ...workspaceRulesets(records, (o) => o !== 'builtin')].map((r) => r.ruleset), [records]);
  if (!record) return null;
  const read = readOverlayRecord(record, bases, catalogues);
  const overlay = read.overlay;
  const base = overlay ? bases.find((b) => b.id === overlay.extends) : undefined;
  const model = overlay && base ? overlayViewModel(overlay, base, on) : undefined;
  const name = overlay ? overlay.title[lang] : String(record.doc.id ?? overlayId);
  const where = overlay ? [overlay.jurisdiction.province, overlay.jurisdiction.agency].filter(Boolean).join(' · ') : '';
  const remove = () => {
    if (!window.confirm(text(lang, 'overlay.removeConfirm', { name }))) return;
    if (onCommand(removeOverlay(overlayId)).ok) onRemoved();
  };

  return (
    <section className="card overlay-view" data-testid="overlay-view" data-overlay={overlayId} aria-labelledby="overlay-heading">
      <header className="overlay-head">
        <h2 id="overlay-heading">{name} {overlay?.illustrative && <Illustrative lang={lang} />}</h2>
        {overlay && <p className="muted">{text(lang, 'overlay.over', { base: base ? `${base.regulation.code} (${base.id})` : overlay.extends, where })}</p>}
        {overlay?.illustrative && <p className="alert alert-warning small" role="note" data-testid="illustrative-note">{text(lang, 'overlay.illustrativeNote')}</p>}
        {overlay && (
          <div>
            <h3>{text(lang, 'overlay.decisions')}</h3>
            <ul className="overlay-decisions">
              {overlay.decisions.map((d) => (
                <li key={d.id} data-testid="overlay-decision">
                  {text(lang, 'overlay.decision', { number: d.number, issuedBy: d.issuedBy, signed: formatDate(d.signedOn), from: formatDate(d.appliesFrom) })}
                  {d.appliesFromConfidence === 'assumed' && <span className="muted"> ({text(lang, 'overlay.assumedDate')})</span>}
                  {d.illustrative && <> <Illustrative lang={lang} /></>}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="muted small">{text(lang, 'overlay.readOnly')}</p>
        <button type="button" data-testid="overlay-remove" onClick={remove}>{text(lang, 'overlay.remove')}</button>
      </header>
      {!overlay && <p className="alert alert-error" role="alert">{text(lang, 'overlay.unreadable')}</p>}
      {overlay && !base && <p className="alert alert-error" role="alert" data-testid="overlay-no-base">{text(lang, 'overlay.noBase', { base: overlay.extends })}</p>}
      {model && base && (
        <>
          <div className="overlay-date">
            <DateField label={text(lang, 'overlay.onDate')} value={on} onChange={setOn} lang={lang} testId="overlay-date" />
            <p data-testid="overlay-in-force">{text(lang, 'overlay.inForce', { inForce: model.inForce, total: model.total })}</p>
          </div>
          <h3>{text(lang, 'overlay.rulesHeading')}</h3>
          <ol className="overlay-rules">{model.rows.map((row) => <RuleRow key={row.ruleId} row={row} base={base.id} lang={lang} />)}</ol>
          {model.orphans.length > 0 && (
            <>
              <h3>{text(lang, 'overlay.orphans')}</h3>
              <ul data-testid="overlay-orphans">{model.orphans.map((c) => <li key={c.index}>{changeText(c, lang)}</li>)}</ul>
            </>
          )}
        </>
      )}
      <section aria-labelledby="overlay-diagnostics-heading">
        <h3 id="overlay-diagnostics-heading">{text(lang, 'overlay.diagnostics', { count: read.diagnostics.length })}</h3>
        {read.diagnostics.length === 0
          ? <p className="muted" data-testid="overlay-no-diagnostics">{text(lang, 'overlay.noDiagnostics')}</p>
          : (
            <ul className="diagnostics" data-testid="overlay-diagnostics">
              {read.diagnostics.map((d, i) => (
                <li key={i} className={`diagnostic ${d.severity}`} data-testid="diagnostic" data-code={d.code}>
                  <span data-testid="diagnostic-message">{messageIn(d, lang)}</span>
                  {hintIn(d, lang) && <span className="hint"> — {hintIn(d, lang)}</span>}
                  <code className="path">{d.path}</code>
                </li>
              ))}
            </ul>
          )}
      </section>
    </section>
  );
}
