/**
 * The classes of a plan as a table: level, mode, institution, sizes, planned opening date (DD/MM/YYYY) and duration
 * edited in place, quotas opened per row, rows duplicated and deleted. A row is its class record: every edit is a
 * plan command on that record's id (never on a row number, which only shows the order), and the diagnostics of a row
 * are shown on its cells and, in words, on a line under the row. Long plans are shown a page
 * of rows at a time (planTablePage.ts), so a plan of thousands of classes does not freeze the tab.
 */
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import { Fragment, useState } from 'react';
import { builtinDocuments } from '../shipped/builtin.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS, MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { deleteClass, duplicateClass, setClassField, type PlanClassField } from '../workspace/commands/planCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { PlanClassRecord, RecordId } from '../workspace/records.ts';
import { diagnosticsOnClass, PLAN_FIELD_LABELS, type PlanDiagnostic } from './checkPlanDocument.ts';
import { PlanCell, type CellOption } from './PlanCell.tsx';
import { planTablePage } from './planTablePage.ts';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

const catalogue = builtinDocuments().institutions;
const INSTITUTIONS = [...catalogue.institutions, ...catalogue.provinces.map((p) => p.school)];

const cellText = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export interface PlanClassTableProps {
  /** The plan's class records, in its order. */
  classes: readonly PlanClassRecord[];
  diagnostics: readonly PlanDiagnostic[];
  lang: Lang;
  /** The class whose quotas are open. */
  selected: RecordId | undefined;
  onSelect(classId: RecordId | undefined): void;
  onCommand(command: Command): void;
}

export function PlanClassTable({ classes, diagnostics, lang, selected, onSelect, onCommand }: PlanClassTableProps) {
  const levels: CellOption[] = TRAINING_LEVELS.map((l) => ({ value: l, label: LABELS.theoryLevel[l][lang] }));
  const modes: CellOption[] = MODES.map((m) => ({ value: m, label: LABELS.mode[m][lang] }));
  const institutions: CellOption[] = INSTITUTIONS.map((i) => ({ value: i.id, label: i.name[lang] }));
  const head = (f: string) => PLAN_FIELD_LABELS[f]![lang];
  const [wanted, setPage] = useState(0);
  const view = planTablePage(classes.length, wanted);
  const pager = view.pages > 1 && (
    <div className="plan-pager" role="group" aria-label={text(lang, 'simulation.pages')} data-testid="plan-pager">
      <button type="button" data-testid="plan-page-prev" disabled={view.page === 0} onClick={() => setPage(view.page - 1)}>{text(lang, 'simulation.pagePrev')}</button>
      <span data-testid="plan-page">{text(lang, 'simulation.pageRows', { from: view.start + 1, to: view.end, total: classes.length })}</span>
      <button type="button" data-testid="plan-page-next" disabled={view.page === view.pages - 1} onClick={() => setPage(view.page + 1)}>{text(lang, 'simulation.pageNext')}</button>
    </div>
  );
  return (
    <div className="table-scroll">
      {pager}
      <table className="plan-table" data-testid="plan-classes">
        <thead>
          <tr>
            <th scope="col">{text(lang, 'simulation.row')}</th><th scope="col">{head('id')}</th><th scope="col">{head('name')}</th>
            <th scope="col">{head('level')}</th><th scope="col">{head('mode')}</th><th scope="col">{head('institution')}</th>
            <th scope="col">{head('minSize')}</th><th scope="col">{head('maxSize')}</th><th scope="col">{head('opensOn')}</th>
            <th scope="col">{head('durationMonths')}</th><th scope="col">{text(lang, 'simulation.quotas')}</th><th scope="col">{text(lang, 'simulation.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {classes.slice(view.start, view.end).map((rec, k) => {
            const i = view.start + k;
            const row = i + 1;
            const c = rec.data;
            // A minimum above the maximum concerns both cells (validatePlan locates it on the minimum).
            const at = (f: PlanClassField) => [...diagnosticsOnClass(diagnostics, rec.id, [f]),
              ...(f === 'maxSize' ? diagnosticsOnClass(diagnostics, rec.id, ['minSize']).filter((d) => d.code === 'plan/min-above-max') : [])];
            const cell = (f: PlanClassField, extra: { options?: CellOption[]; size?: number; numeric?: boolean; value?: string } = {}) => (
              <td>
                <PlanCell label={text(lang, 'simulation.cellLabel', { field: head(f), row })} value={extra.value ?? cellText(c[f])} diagnostics={at(f)} lang={lang}
                  testId={`cell-${i}-${f}`} onChange={(t) => onCommand(setClassField(rec.id, f, t))}
                  {...(extra.options ? { options: extra.options } : {})} {...(extra.size ? { size: extra.size } : {})} {...(extra.numeric ? { inputMode: 'numeric' as const } : {})} />
              </td>
            );
            const rowDiagnostics = diagnosticsOnClass(diagnostics, rec.id);
            const serves = rec.serves ?? [];
            const quota = serves.reduce((n, q) => n + (typeof q.data.quota === 'number' ? q.data.quota : 0), 0);
            const severity = rowDiagnostics.some((d) => d.severity === 'error') ? 'error' : rowDiagnostics.length ? 'warning' : '';
            return (
              <Fragment key={rec.id}>
                <tr data-testid="plan-row" data-row={i} data-class={rec.id} className={`${selected === rec.id ? 'is-selected' : ''} ${severity ? `has-${severity}` : ''}`}>
                  <th scope="row">{row}</th>
                  <td><code>{cellText(c.id)}</code></td>
                  {cell('name', { size: 12 })}
                  {cell('level', { options: levels })}
                  {cell('mode', { options: modes })}
                  {cell('institution', { options: institutions })}
                  {cell('minSize', { size: 3, numeric: true })}
                  {cell('maxSize', { size: 3, numeric: true })}
                  {cell('opensOn', { size: 9, value: formatDate(cellText(c.opensOn)) })}
                  {cell('durationMonths', { size: 2, numeric: true })}
                  <td>
                    <button type="button" className="link" aria-pressed={selected === rec.id} aria-label={text(lang, 'simulation.quotasRow', { row })}
                      data-testid={`quotas-${i}`} onClick={() => onSelect(selected === rec.id ? undefined : rec.id)}>{quota} · {serves.length}</button>
                  </td>
                  <td><div className="row-actions">
                    <button type="button" aria-label={text(lang, 'simulation.duplicateRow', { row })} title={text(lang, 'simulation.duplicateRow', { row })} data-testid={`duplicate-${i}`}
                      onClick={() => onCommand(duplicateClass(rec.id))}>{text(lang, 'simulation.duplicate')}</button>
                    <button type="button" aria-label={text(lang, 'simulation.deleteRow', { row })} title={text(lang, 'simulation.deleteRow', { row })} data-testid={`delete-${i}`}
                      onClick={() => { onCommand(deleteClass(rec.id)); if (selected === rec.id) onSelect(undefined); }}>{text(lang, 'simulation.delete')}</button>
                  </div></td>
                </tr>
                {rowDiagnostics.length > 0 && (
                  <tr className="plan-row-messages" data-testid="plan-row-messages" data-row={i}>
                    <td colSpan={12}>
                      <ul>{rowDiagnostics.map((d, k) => <li key={k} className={`diag-${d.severity}`} data-code={d.code}>{d.severity === 'error' ? '✗' : '⚠'} {messageIn(d, lang)}</li>)}</ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {pager}
    </div>
  );
}
