/**
 * The quotas (agency → seats) of one class of the plan, edited in place; agencies come from the plan's list. A quota
 * is named by its id in every edit, key and diagnostic: removing one never moves an edit onto its neighbour.
 */
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { addQuota, removeQuota, setQuota } from '../workspace/commands/planCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { PlanClassRecord } from '../workspace/records.ts';
import { diagnosticsOnClass, diagnosticsOnQuota, type PlanDiagnostic } from './checkPlanDocument.ts';
import { PlanCell } from './PlanCell.tsx';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

type Json = Record<string, unknown>;

export interface QuotaTableProps {
  cls: PlanClassRecord;
  /** The class's place in the table (0-based), for its heading only. */
  row: number;
  agencies: readonly Json[];
  diagnostics: readonly PlanDiagnostic[];
  lang: Lang;
  onCommand(command: Command): void;
}

export function QuotaTable({ cls, row, agencies, diagnostics, lang, onCommand }: QuotaTableProps) {
  const serves = cls.serves ?? [];
  const total = serves.reduce((n, q) => n + (typeof q.data.quota === 'number' ? q.data.quota : 0), 0);
  const options = agencies.map((a) => ({ value: String(a.id), label: String(a.name ?? (a.label as Json | undefined)?.[lang] ?? a.id) }));
  const headingId = `quota-heading-${cls.id}`;
  const own = diagnosticsOnClass(diagnostics, cls.id, ['serves'], true);
  const data = cls.data;
  return (
    <section className="card sim-section" aria-labelledby={headingId} data-testid="quota-table" data-class={cls.id}>
      <h3 id={headingId}>{text(lang, 'simulation.quotasOf', { name: `${String(data.name ?? '')} (${text(lang, 'simulation.row').toLowerCase()} ${row + 1})` })}</h3>
      <p className="muted small">{text(lang, 'simulation.quotaTotal', { total, min: String(data.minSize ?? ''), max: String(data.maxSize ?? '') })}</p>
      {own.map((d, k) => <p key={k} className={`diag-${d.severity}`} data-code={d.code}>{d.severity === 'error' ? '✗' : '⚠'} {messageIn(d, lang)}</p>)}
      <div className="table-scroll">
        <table className="plan-table quota-table">
          <thead><tr><th scope="col">#</th><th scope="col">{text(lang, 'simulation.agency')}</th><th scope="col">{text(lang, 'simulation.quotas')}</th><th scope="col">{text(lang, 'simulation.actions')}</th></tr></thead>
          <tbody>
            {serves.map((q, j) => (
              <tr key={q.id} data-quota={q.id}>
                <th scope="row">{j + 1}</th>
                <td><PlanCell label={`${text(lang, 'simulation.agency')} ${j + 1}`} value={String(q.data.agency ?? '')} options={options} lang={lang}
                  diagnostics={diagnosticsOnQuota(diagnostics, q.id, ['agency'])} onChange={(t) => onCommand(setQuota(cls.id, q.id, 'agency', t))} /></td>
                <td><PlanCell label={`${text(lang, 'simulation.quotas')} ${j + 1}`} value={String(q.data.quota ?? '')} size={4} inputMode="numeric" lang={lang} testId={`quota-${j}`}
                  diagnostics={diagnosticsOnQuota(diagnostics, q.id, ['quota'])} onChange={(t) => onCommand(setQuota(cls.id, q.id, 'quota', t))} /></td>
                <td><button type="button" aria-label={text(lang, 'simulation.removeQuota', { n: j + 1 })} title={text(lang, 'simulation.removeQuota', { n: j + 1 })} onClick={() => onCommand(removeQuota(cls.id, q.id))}>✕</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => onCommand(addQuota(cls.id))}>+ {text(lang, 'simulation.addQuota')}</button>
    </section>
  );
}
