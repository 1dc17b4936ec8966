/**
 * A self-contained HTML report of a simulation or a comparison: one file that opens from disk with no network. The
 * charts are drawn by Chart.js, whose UMD build the caller passes in (`chartJs`, read from node_modules by the CLI)
 * and which is inlined; the data travels as a JSON block; a Content-Security-Policy meta allows nothing but these
 * inline script and style blocks, by their SHA-256 hashes (`sha256` is given by the caller: the engine has no crypto).
 * Text is escaped; dates are DD/MM/YYYY; Vietnamese by default. Pure.
 */
import { LABELS, type Label } from '../../documents/enums.ts';
import { PLAN_PARAMETERS, type PlanParameterDef } from '../../documents/planParameters.ts';
import { formatDate } from '../../documents/dates.ts';
import { citationIn } from '../../documents/ruleset.ts';
import type { SimulationResult, Stats } from '../buildSimulationResult.ts';
import type { ScenarioComparison } from '../compareScenarios.ts';
import { REPORT_SCRIPT, REPORT_STYLE } from './reportAssets.ts';

export interface HtmlOptions {
  lang: 'vi' | 'en';
  /** Chart.js's UMD build (dist/chart.umd.min.js), inlined. */
  chartJs: string;
  /** Base64 SHA-256 of a text (for the CSP hashes). */
  sha256(text: string): string;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Numbers as the report's language writes them (1.390 and 85,1 in Vietnamese; 1,390 and 85.1 in English). */
const numIn = (lang: 'vi' | 'en') => (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'));
const rangeIn = (lang: 'vi' | 'en') => {
  const num = numIn(lang);
  return (s: Stats) => `${num(s.p50)} <span class="iv">(${num(s.p5)}–${num(s.p95)})</span>`;
};
const date = (iso: string | null) => (iso ? formatDate(iso) : '—');

function page(title: string, body: string, data: unknown, o: HtmlOptions): string {
  // `<` escaped so that no text inside the JSON can close the block.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const csp = `default-src 'none'; script-src 'sha256-${o.sha256(o.chartJs)}' 'sha256-${o.sha256(REPORT_SCRIPT)}'; style-src 'sha256-${o.sha256(REPORT_STYLE)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${body}
<script type="application/json" id="llct-data">${json}</script>
<script>${o.chartJs}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

const T = {
  vi: { runs: 'lần chạy', seed: 'hạt giống', ruleset: 'Quy định áp dụng', byDate: 'theo ngày cử đi học', kpis: 'Chỉ số chính (trung vị, khoảng p5–p95)', figures: 'Số liệu của kế hoạch và nguồn gốc', classes: 'Các lớp', agencies: 'Các cơ quan cử', rules: 'Không đủ điều kiện theo quy tắc', params: 'Tham số mô phỏng', charts: 'Biểu đồ', timeline: 'Diễn biến lớp (lần chạy mẫu)', warnings: 'Cảnh báo', origin: { article: 'bài báo', derived: 'suy ra', assumed: 'giả định' } },
  en: { runs: 'runs', seed: 'seed', ruleset: 'Regulation applied', byDate: 'by nomination date', kpis: 'Key figures (median, p5–p95 interval)', figures: 'Plan figures and where they come from', classes: 'Classes', agencies: 'Nominating agencies', rules: 'Not eligible, by rule', params: 'Simulation parameters', charts: 'Charts', timeline: 'Class timelines (sample run)', warnings: 'Warnings', origin: { article: 'article', derived: 'derived', assumed: 'assumed' } },
} as const;

/** A parameter's unit after its value. */
const UNIT_WORDS = { percent: { vi: ' %', en: ' %' }, ratio: { vi: ' ×', en: ' ×' }, days: { vi: ' ngày', en: ' days' }, months: { vi: ' tháng', en: ' months' } } as const;

/** A text given in both languages, in the report's; a plain text as it is. */
const inLang = (x: string | Label, l: 'vi' | 'en'): string => (typeof x === 'string' ? x : x[l]);

export function renderSimulationHtml(r: SimulationResult, figures: ReadonlyArray<{ figure: string; label?: Label | undefined; value: string | number | Label; origin: 'article' | 'derived' | 'assumed'; source: string | Label }>, o: HtmlOptions): string {
  const t = T[o.lang];
  const l = o.lang;
  const num = numIn(l);
  const range = rangeIn(l);
  // The plan, the regulation, the runs and the cohort, once each (the scenario label would repeat the regulation).
  const cohort = `${esc(r.cohort.source)} (${num(r.cohort.cadres)})`;
  const head = `<header><h1>${esc(r.plan.title[l])}</h1><p>${esc(r.plan.id)} · ${t.ruleset}: ${esc(r.ruleset === 'by-nomination-date' ? t.byDate : r.ruleset)} · ${num(r.runs)} ${t.runs} · ${t.seed} ${esc(r.seed)} · ${cohort}</p></header>`;
  const kpis = `<section><h2>${t.kpis}</h2><table><tbody>${r.kpis.map((k) => `<tr><th>${esc(k.label[l])}</th><td>${range(k.stats)}</td></tr>`).join('')}</tbody></table></section>`;
  const charts = `<section><h2>${t.charts}</h2><div class="grid"><div class="chart"><canvas id="c-month"></canvas></div><div class="chart"><canvas id="c-class"></canvas></div><div class="chart"><canvas id="c-rule"></canvas></div><div class="chart chart-tall"><canvas id="c-gantt"></canvas></div></div></section>`;
  const fig = `<section><h2>${t.figures}</h2><table><tbody>${figures.map((f) => `<tr><th>${esc(f.label?.[l] ?? f.figure)}</th><td>${typeof f.value === 'number' ? num(f.value) : esc(inLang(f.value, l))}</td><td class="o-${f.origin}">${t.origin[f.origin]}</td><td class="src">${esc(inLang(f.source, l))}</td></tr>`).join('')}</tbody></table></section>`;
  const classes = `<section><h2>${t.classes}</h2><table><thead><tr><th></th><th>${l === 'vi' ? 'Khai giảng (kế hoạch)' : 'Opens (plan)'}</th><th>${l === 'vi' ? 'Sĩ số' : 'Size'}</th><th>${l === 'vi' ? 'Khi khai giảng' : 'At opening'}</th><th>${l === 'vi' ? 'Tốt nghiệp' : 'Graduates'}</th><th>${l === 'vi' ? 'Ngày tốt nghiệp (p50)' : 'Graduation (p50)'}</th><th>${l === 'vi' ? 'Hoãn / hủy (số lần chạy)' : 'Postponed / cancelled (runs)'}</th></tr></thead><tbody>${r.classes.map((c) => `<tr><th>${esc(c.id)}</th><td>${date(c.opensOn)}</td><td>${c.minSize}–${c.maxSize}</td><td>${range(c.atOpening)}</td><td>${range(c.graduates)}</td><td>${date(c.graduatedOn.p50)}</td><td>${c.postponedRuns} / ${c.cancelledRuns}</td></tr>`).join('')}</tbody></table></section>`;
  const timeline = `<section><h2>${t.timeline}</h2>${r.classes.map((c) => `<details><summary>${esc(c.id)} — ${esc(c.sample.outcome)}${c.sample.reason ? `: ${esc(c.sample.reason[l])}` : ''}</summary><ol>${c.sample.timeline.map((e) => `<li>${date(e.at)} ${esc(e.event)} ${e.refused ? `<b class="ref">✗ ${esc(l === 'vi' ? e.refused.reason : e.refused.reasonEn)}</b>` : `${esc(e.from)} → ${esc(e.to)}${e.learners !== undefined ? ` (${e.learners})` : ''}`}</li>`).join('')}</ol></details>`).join('')}</section>`;
  const agencies = `<section><h2>${t.agencies}</h2><table><tbody>${r.agencies.map((a) => `<tr><th>${esc(a.name)}</th><td>${a.quota}</td><td>${range(a.nominated)}</td><td>${range(a.graduates)}</td></tr>`).join('')}</tbody></table></section>`;
  const rules = `<section><h2>${t.rules}</h2><table><tbody>${r.screening.byRule.map((x) => `<tr><th>${esc(x.rule)}</th><td>${esc(x.title?.[l] ?? '')}</td><td>${esc(citationIn(x.citation, l))}</td><td>${range(x.stats)}</td></tr>`).join('')}</tbody></table></section>`;
  // Each parameter by its name in the report's language, its value and unit, how sure it is and where it comes from
  // (a default's source in the report's language; a plan's own source as the plan wrote it).
  const params = `<section><h2>${t.params}</h2><table><tbody>${r.parameters.map((p) => {
    const def = (PLAN_PARAMETERS as Record<string, PlanParameterDef | undefined>)[p.name];
    const unit = UNIT_WORDS[p.unit as keyof typeof UNIT_WORDS]?.[l] ?? p.unit;
    const confidence = (LABELS.confidence as Record<string, Label | undefined>)[p.confidence]?.[l] ?? p.confidence;
    const source = !p.fromPlan && def && l === 'en' ? def.sourceEn : p.source;
    return `<tr><th>${esc(def?.label[l] ?? p.name)} <code>${esc(p.name)}</code></th><td>${num(p.value)}${esc(unit)}</td><td>${esc(confidence)}</td><td class="src">${esc(source)}</td></tr>`;
  }).join('')}</tbody></table></section>`;
  const warnings = r.warnings.length ? `<section><h2>${t.warnings}</h2><ul>${r.warnings.map((d) => `<li>${esc(d.path)}: ${esc(l === 'vi' ? d.message : d.messageEn)}</li>`).join('')}</ul></section>` : '';
  const data = {
    kind: 'simulation', lang: l,
    months: r.graduatesByMonth.map((m) => ({ label: m.month.split('-').reverse().join('/'), p5: m.stats.p5, p50: m.stats.p50, p95: m.stats.p95 })),
    classes: r.classes.map((c) => ({ id: c.id, max: c.maxSize, atOpening: c.atOpening.p50, graduates: c.graduates.p50, opened: c.openedOn.p50, graduated: c.graduatedOn.p50 })),
    rules: r.screening.byRule.map((x) => ({ rule: x.rule, p50: x.stats.p50 })),
  };
  return page(r.plan.title[l], `${head}<main>${kpis}${charts}${fig}${classes}${timeline}${agencies}${rules}${params}${warnings}</main>`, data, o);
}

export function renderComparisonHtml(c: ScenarioComparison, title: string, o: HtmlOptions): string {
  const l = o.lang;
  const vi = l === 'vi';
  const range = rangeIn(l);
  const head = `<header><h1>${esc(title)}</h1><p>A: ${esc(c.a)} · B: ${esc(c.b)} · ${c.runs} ${T[l].runs}</p></header>`;
  const kpis = `<section><h2>${vi ? 'Chỉ số: A, B và chênh lệch B − A theo từng lần chạy (p50, p5–p95)' : 'Key figures: A, B and the per-run difference B − A (p50, p5–p95)'}</h2><table><thead><tr><th></th><th>A</th><th>B</th><th>B − A</th></tr></thead><tbody>${c.kpis.map((k) => `<tr><th>${esc(k.label[l])}</th><td>${range(k.a)}</td><td>${range(k.b)}</td><td>${range(k.delta)}</td></tr>`).join('')}</tbody></table></section>`;
  const chart = `<section><div class="grid"><div class="chart chart-tall"><canvas id="c-delta"></canvas></div></div></section>`;
  const rules = `<section><h2>${vi ? 'Vì sao (lần chạy mẫu), theo quy tắc' : 'Why (sample run), by rule'}</h2><table><tbody>${c.byRule.map((r) => `<tr><th>${esc(r.rule)}</th><td>${esc(citationIn(r.citation, l))}</td><td>${r.side === 'b' ? `${vi ? 'mất điều kiện' : 'lost'} ${r.lost}` : `${vi ? 'được thêm' : 'gained'} ${r.gained}`}</td></tr>`).join('')}</tbody></table></section>`;
  const changes = `<section><h2>${vi ? 'Cán bộ có kết quả thay đổi' : 'Cadres whose outcome changes'} (${c.changes.length})</h2><table><tbody>${c.changes.slice(0, 2000).map((x) => `<tr><th>${esc(x.id)}</th><td>${esc(x.change)}</td><td>${esc(x.a.outcome ?? '—')} → ${esc(x.b.outcome ?? '—')}</td><td>${esc(x.a.failures.join(', '))}</td><td>${esc(x.b.failures.join(', '))}</td></tr>`).join('')}</tbody></table></section>`;
  const data = { kind: 'comparison', lang: l, kpis: c.kpis.map((k) => ({ label: k.label[l], a: k.a.p50, b: k.b.p50 })) };
  return page(title, `${head}<main>${kpis}${chart}${rules}${changes}</main>`, data, o);
}
