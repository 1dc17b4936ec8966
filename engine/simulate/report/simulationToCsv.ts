/**
 * CSV forms of a simulation result and of a comparison: one row per figure (`section,id,label,measure,p5,p50,p95,mean,
 * runs`), and one per changed cadre for a comparison. Cells go through `safeCell`, so a label or id a spreadsheet
 * would run as a formula is neutralised, as in every CSV the project writes. Pure.
 */
import { safeCell } from '../../io/cadresToCsv.ts';
import { citationIn } from '../../documents/ruleset.ts';
import type { Stats, DateStats, SimulationResult } from '../buildSimulationResult.ts';
import type { ScenarioComparison } from '../compareScenarios.ts';

type Lang = 'vi' | 'en';
const cell = (v: unknown) => safeCell(v === null || v === undefined ? '' : String(v), ',');
const line = (cells: unknown[]) => cells.map(cell).join(',');
const stat = (s: Stats | DateStats) => [s.p5, s.p50, s.p95, 'mean' in s ? s.mean : '', s.runs];

export function simulationToCsv(r: SimulationResult, lang: Lang): string {
  const rows: string[] = [line(['section', 'id', 'label', 'measure', 'p5', 'p50', 'p95', 'mean', 'runs'])];
  for (const k of r.kpis) rows.push(line(['kpi', k.name, k.label[lang], 'count', ...stat(k.stats)]));
  for (const c of r.classes) {
    rows.push(line(['class', c.id, c.name, 'atOpening', ...stat(c.atOpening)]));
    rows.push(line(['class', c.id, c.name, 'graduates', ...stat(c.graduates)]));
    rows.push(line(['class', c.id, c.name, 'openedOn', ...stat(c.openedOn)]));
    rows.push(line(['class', c.id, c.name, 'graduatedOn', ...stat(c.graduatedOn)]));
    rows.push(line(['class', c.id, c.name, 'cancelledRuns', '', c.cancelledRuns, '', '', r.runs]));
    rows.push(line(['class', c.id, c.name, 'postponedRuns', '', c.postponedRuns, '', '', r.runs]));
  }
  for (const a of r.agencies) {
    rows.push(line(['agency', a.id, a.name, 'nominated', ...stat(a.nominated)]));
    rows.push(line(['agency', a.id, a.name, 'graduates', ...stat(a.graduates)]));
  }
  for (const x of r.screening.byRule) rows.push(line(['rule', x.rule, `${x.title?.[lang] ?? ''} — ${citationIn(x.citation, lang)}`, 'ineligible', ...stat(x.stats)]));
  for (const m of r.graduatesByMonth) rows.push(line(['month', m.month, m.month, 'graduates', ...stat(m.stats)]));
  return `${rows.join('\n')}\n`;
}

export function comparisonToCsv(c: ScenarioComparison, lang: Lang): string {
  const rows: string[] = [line(['section', 'id', 'label', 'measure', 'a_p50', 'b_p50', 'delta_p5', 'delta_p50', 'delta_p95'])];
  for (const k of c.kpis) rows.push(line(['kpi', k.name, k.label[lang], 'count', k.a.p50, k.b.p50, k.delta.p5, k.delta.p50, k.delta.p95]));
  for (const r of c.byRule) rows.push(line(['rule', r.rule, citationIn(r.citation, lang), r.side === 'b' ? 'lost' : 'gained', '', '', '', r.side === 'b' ? r.lost : r.gained, '']));
  rows.push('');
  rows.push(line(['id', 'agency', 'class', 'on', 'change', 'aEligible', 'bEligible', 'aFailures', 'bFailures', 'aOutcome', 'bOutcome']));
  for (const x of c.changes) rows.push(line([x.id, x.agency, x.class, x.on, x.change, x.a.eligible, x.b.eligible, x.a.failures.join(';'), x.b.failures.join(';'), x.a.outcome, x.b.outcome]));
  return `${rows.join('\n')}\n`;
}
