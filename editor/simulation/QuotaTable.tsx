/** The quotas (agency → seats) of one class of the plan, edited in place; agencies come from the plan's list. */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { addQuota, removeQuota, setQuota } from '../workspace/commands/planCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId } from '../workspace/records.ts';
import { diagnosticsAt } from './checkPlanDocument.ts';
import { PlanCell } from './PlanCell.tsx';
import { st } from './simulationStrings.ts';

type Json = Record<string, unknown>;

export interface QuotaTableProps {
  recordId: RecordId;
  index: number;
  cls: Json;
  agencies: readonly Json[];
  diagnostics: readonly Diagnostic[];
  lang: Lang;
  onCommand(command: Command): void;
}

export function QuotaTable({ recordId, index, cls, agencies, diagnostics, lang, onCommand }: QuotaTableProps) {
  const serves = Array.isArray(cls.serves) ? cls.serves as Json[] : [];
  const total = serves.reduce((n, q) => n + (typeof q.quota === 'number' ? q.quota : 0), 0);
  const options = agencies.map((a) => ({ value: String(a.id), label: String(a.name ?? (a.label as Json | undefined)?.[lang] ?? a.id) }));
  const headingId = `quota-heading-${index}`;
  const own = diagnosticsAt(diagnostics, ['classes', index, 'serves'], true);
  return (
    <section className="card sim-section" aria-labelledby={headingId} data-testid="quota-table">
      <h3 id={headingId}>{st(lang, 'quotasOf', { name: `${String(cls.name ?? '')} (${st(lang, 'row').toLowerCase()} ${index + 1})` })}</h3>
      <p className="muted small">{st(lang, 'quotaTotal', { total, min: String(cls.minSize ?? ''), max: String(cls.maxSize ?? '') })}</p>
      {own.map((d, k) => <p key={k} className={`diag-${d.severity}`} data-code={d.code}>{d.severity === 'error' ? '✗' : '⚠'} {lang === 'vi' ? d.message : d.messageEn}</p>)}
      <div className="table-scroll">
        <table className="plan-table quota-table">
          <thead><tr><th scope="col">#</th><th scope="col">{st(lang, 'agency')}</th><th scope="col">{st(lang, 'quotas')}</th><th scope="col">{st(lang, 'actions')}</th></tr></thead>
          <tbody>
            {serves.map((q, j) => (
              <tr key={j}>
                <th scope="row">{j + 1}</th>
                <td><PlanCell label={`${st(lang, 'agency')} ${j + 1}`} value={String(q.agency ?? '')} options={options} lang={lang}
                  diagnostics={diagnosticsAt(diagnostics, ['classes', index, 'serves', j, 'agency'])} onChange={(t) => onCommand(setQuota(recordId, index, j, 'agency', t))} /></td>
                <td><PlanCell label={`${st(lang, 'quotas')} ${j + 1}`} value={String(q.quota ?? '')} size={4} inputMode="numeric" lang={lang} testId={`quota-${j}`}
                  diagnostics={diagnosticsAt(diagnostics, ['classes', index, 'serves', j, 'quota'])} onChange={(t) => onCommand(setQuota(recordId, index, j, 'quota', t))} /></td>
                <td><button type="button" aria-label={st(lang, 'removeQuota', { n: j + 1 })} title={st(lang, 'removeQuota', { n: j + 1 })} onClick={() => onCommand(removeQuota(recordId, index, j))}>✕</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => onCommand(addQuota(recordId, index))}>+ {st(lang, 'addQuota')}</button>
    </section>
  );
}
