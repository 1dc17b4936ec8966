/**
 * The simulation parameters of a plan: each with its documented default, the plan's own value when it sets one, and
 * where the value comes from with its confidence (an `assumed` mark is always visible). Empty = the default.
 */
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { CONFIDENCES, type Confidence } from '../../engine/documents/enums.ts';
import { PLAN_PARAMETER_NAMES, PLAN_PARAMETERS } from '../../engine/documents/planParameters.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { setPlanParameter } from '../workspace/commands/planCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId } from '../workspace/records.ts';
import { diagnosticsAt } from './checkPlanDocument.ts';
import { ConfidenceBadge } from '../shared/ConfidenceBadge.tsx';
import { PlanCell } from './PlanCell.tsx';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

type Json = Record<string, unknown>;
const isConfidence = (c: string): c is Confidence => (CONFIDENCES as readonly string[]).includes(c);
const UNITS = { percent: '%', ratio: '×', days: { vi: 'ngày', en: 'days' }, months: { vi: 'tháng', en: 'months' } } as const;

export function ParameterTable({ recordId, parameters, diagnostics, lang, onCommand }: {
  recordId: RecordId; parameters: Json; diagnostics: readonly Diagnostic[]; lang: Lang; onCommand(command: Command): void;
}) {
  return (
    <div className="table-scroll">
      <table className="plan-table param-table" data-testid="plan-parameters">
        <thead><tr><th scope="col">{text(lang, 'simulation.parameter')}</th><th scope="col">{text(lang, 'simulation.value')}</th><th scope="col">{text(lang, 'simulation.default')}</th><th scope="col">{text(lang, 'simulation.source')}</th></tr></thead>
        <tbody>
          {PLAN_PARAMETER_NAMES.map((name) => {
            const def = PLAN_PARAMETERS[name];
            const own = typeof parameters[name] === 'object' && parameters[name] !== null ? parameters[name] as Json : undefined;
            const confidence = String(own?.confidence ?? def.confidence);
            const unit = UNITS[def.unit];
            const ds = diagnosticsAt(diagnostics, ['parameters', name]);
            return (
              <tr key={name} data-testid="param-row" data-param={name}>
                <th scope="row">{def.label[lang]} <code className="muted small">{name}</code></th>
                <td>
                  <PlanCell label={def.label[lang]} value={own ? String(own.value ?? '') : ''} size={5} inputMode="decimal" lang={lang} diagnostics={ds}
                    testId={`param-${name}`} onChange={(t) => onCommand(setPlanParameter(recordId, name, t))} />
                  {ds.map((d, k) => <div key={k} className={`diag-${d.severity} small`}>{messageIn(d, lang)}</div>)}
                </td>
                <td>{def.default} {typeof unit === 'string' ? unit : unit[lang]}</td>
                <td className="small">
                  {isConfidence(confidence) ? <ConfidenceBadge confidence={confidence} lang={lang} /> : <span className="badge">{confidence}</span>}
                  {own ? ` (${text(lang, 'simulation.fromPlan')})` : ''} <span className="muted">{String(own?.source ?? messageIn({ message: def.source, messageEn: def.sourceEn }, lang))}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
