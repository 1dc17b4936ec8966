/**
 * Child process of the simulate benchmark: a national plan of 2,000 intermediate classes (one nominating unit per
 * province, classes at the province's political school, 70 seats each) over a generated cohort of 1,000,000 cadres,
 * one run, in its own process so that its peak memory is its own. Prints one JSON line.
 */
import { builtinDocuments } from '../engine/builtin.ts';
import { builtinLifecycles } from '../engine/lifecycle/builtinLifecycles.ts';
import type { Plan } from '../engine/documents/plan.ts';
import { buildSimulationResult } from '../engine/simulate/buildSimulationResult.ts';
import { runFigures } from '../engine/simulate/runFigures.ts';
import { cohortOf, scenarioFromSpec } from '../engine/simulate/scenarioFromSpec.ts';
import { simulateRun } from '../engine/simulate/simulateRun.ts';

const CADRES = Number(process.env.BENCH_SIM_NATIONAL_CADRES ?? 1_000_000);
const CLASSES = Number(process.env.BENCH_SIM_NATIONAL_CLASSES ?? 2000);
const t0 = performance.now();
const docs = builtinDocuments();
const provinces = docs.institutions.provinces.filter((p) => p.until === undefined);
const plan: Plan = {
  schema: 'llct/plan', version: 1, id: 'national-2026', title: { vi: 'Kế hoạch toàn quốc (benchmark)', en: 'National plan (benchmark)' },
  source: 'benchmark: synthetic', approvedOn: '2026-01-15', figures: [], calendar: { weekend: ['saturday', 'sunday'], holidays: [] }, parameters: {},
  agencies: provinces.map((p, i) => ({ id: `p-${i}`, province: p.name })),
  classes: Array.from({ length: CLASSES }, (_, k) => {
    const i = k % provinces.length;
    const month = 3 + (Math.floor(k / provinces.length) % 9);
    return { id: `c-${k}`, name: `Lớp ${k}`, level: 'intermediate' as const, mode: 'part-time' as const, institution: provinces[i]!.school.id, minSize: 30, maxSize: 70,
      opensOn: `2026-${String(month).padStart(2, '0')}-10`, durationMonths: 8, origin: 'assumed' as const, serves: [{ agency: `p-${i}`, quota: 70 }] };
  }),
};
const spec = { label: 'national', plan, cohort: { kind: 'generate' as const, count: CADRES, seed: 'national', referenceDate: '2026-01-15' }, rulesets: docs.rulesets, regardlessOfDate: false, engine: 'compiled' as const,
  catalogues: { positions: docs.positions, institutions: docs.institutions }, lifecycles: builtinLifecycles() };
const cadres = cohortOf(plan, spec.cohort, spec.catalogues.institutions);
const generated = performance.now();
const sc = scenarioFromSpec(spec, cadres);
const prepared = performance.now();
const run = simulateRun(sc, 0, 1);
const figures = runFigures(sc, run);
const result = buildSimulationResult(sc, [figures], run, { seed: 1, cohortSource: 'generated' });
const done = performance.now();
process.stdout.write(`${JSON.stringify({
  cadres: CADRES, classes: CLASSES, provinces: provinces.length,
  seconds: { generateCohort: +((generated - t0) / 1000).toFixed(2), prepare: +((prepared - generated) / 1000).toFixed(2), simulateOneRun: +((done - prepared) / 1000).toFixed(2), total: +((done - t0) / 1000).toFixed(2) },
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  figures: { candidates: figures.candidates, nominated: figures.nominated, atOpening: figures.atOpening, graduates: figures.graduates, classesGraduated: figures['classes.graduated'], unserved: sc.unserved },
  kpiCount: result.kpis.length,
})}\n`);
