/** The human summary of `llct simulate` (the default `table` format): KPIs with intervals, classes, rules; DD/MM/YYYY. */
import { formatDate } from '../../engine/documents/dates.ts';
import { citationIn } from '../../engine/documents/ruleset.ts';
import type { SimulationResult, Stats } from '../../engine/simulate/buildSimulationResult.ts';
import type { ScenarioComparison } from '../../engine/simulate/compareScenarios.ts';
import type { Lang } from '../parseArgs.ts';

const n = (x: number | null) => (x === null ? '—' : String(x));
const s = (x: Stats) => `${n(x.p50)} (${n(x.p5)}–${n(x.p95)})`;
const d = (x: string | null) => (x ? formatDate(x) : '—');

export function formatSimulationText(r: SimulationResult, lang: Lang): string {
  const en = lang === 'en';
  const out = [`${r.plan.title[lang]}`, `${r.scenario} · ${r.runs} ${en ? 'runs' : 'lần chạy'} · seed ${r.seed} · ${r.cohort.source} (${r.cohort.cadres})`, ''];
  out.push(en ? 'Key figures, median (p5–p95):' : 'Chỉ số chính, trung vị (p5–p95):');
  for (const k of r.kpis) out.push(`  ${k.label[lang].padEnd(46)} ${s(k.stats)}`);
  out.push('', en ? 'Classes: at opening, graduates, graduation date (p50), postponed/cancelled runs' : 'Các lớp: khi khai giảng, tốt nghiệp, ngày tốt nghiệp (p50), số lần hoãn/hủy');
  for (const c of r.classes) out.push(`  ${c.id.padEnd(8)} ${d(c.opensOn)}  ${s(c.atOpening).padEnd(16)} ${s(c.graduates).padEnd(16)} ${d(c.graduatedOn.p50)}  ${c.postponedRuns}/${c.cancelledRuns}`);
  out.push('', en ? 'Not eligible, by rule:' : 'Không đủ điều kiện, theo quy tắc:');
  for (const x of r.screening.byRule) out.push(`  ${s(x.stats).padEnd(18)} ${x.title?.[lang] ?? ''} — ${citationIn(x.citation, lang)} [${x.rule}]`);
  if (r.graduatesByMonth.length) out.push('', `${en ? 'Graduates by month (p50)' : 'Tốt nghiệp theo tháng (p50)'}: ${r.graduatesByMonth.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)} ${n(m.stats.p50)}`).join(', ')}`);
  return `${out.join('\n')}\n`;
}

export function formatComparisonText(c: ScenarioComparison, lang: Lang): string {
  const en = lang === 'en';
  const out = [`A: ${c.a}`, `B: ${c.b}`, `${c.runs} ${en ? 'runs on the same seeds' : 'lần chạy trên cùng hạt giống'}`, '',
    en ? 'Figure                                          A p50   B p50   B − A p50 (p5–p95)' : 'Chỉ số                                          A p50   B p50   B − A p50 (p5–p95)'];
  for (const k of c.kpis) out.push(`  ${k.label[lang].padEnd(46)} ${n(k.a.p50).padStart(6)}  ${n(k.b.p50).padStart(6)}   ${s(k.delta)}`);
  out.push('', `${en ? 'Sample run' : 'Lần chạy mẫu'}: ${c.summary.compared} ${en ? 'cadres' : 'cán bộ'}; ${en ? 'gained' : 'được thêm'} ${c.summary.gained}, ${en ? 'lost' : 'mất điều kiện'} ${c.summary.lost}, ${en ? 'other outcome' : 'kết quả khác'} ${c.summary.outcomeChanged}`);
  for (const r of c.byRule) out.push(`  ${String(r.side === 'b' ? r.lost : r.gained).padStart(5)}  ${r.side === 'b' ? (en ? 'lost by' : 'mất vì') : (en ? 'gained, was' : 'được thêm, trước vướng')} ${r.rule} — ${citationIn(r.citation, lang)}`);
  return `${out.join('\n')}\n`;
}
