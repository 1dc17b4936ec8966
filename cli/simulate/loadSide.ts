/**
 * One scenario of `llct simulate` from its flags: the plan file (loaded and validated: diagnostics with their paths,
 * errors fail), the rulesets (a shipped id or a file forced whatever the date; else the plan's own ruleset; else the
 * regulation in force on each nomination date) and the cohort (`--cadres FILE`, `--generate N`, or the plan's own
 * generated cohort). Messages go to stderr; `undefined` means exit 2.
 */
import { readCadreList } from '../readCadreList.ts';
import { existsSync } from 'node:fs';
import { builtinDocuments, builtinRulesetIds } from '../../engine/builtin.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Plan } from '../../engine/documents/plan.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import type { StepperEngine } from '../../engine/simulate/createStepper.ts';
import { loadPlan } from '../../engine/simulate/loadPlan.ts';
import type { CohortSpec, ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { CommandIO } from '../Command.ts';
import { LIMITS } from '../limits.ts';
import { formatDiagnostic, loadRulesetFiles, readJson, resolvePath } from '../readFiles.ts';

export interface SideFlags { plan: string; ruleset?: string | undefined; cadres?: string | undefined; generate?: number | undefined; seed: string | number; engine: StepperEngine }

export interface LoadedSide { spec: ScenarioSpec; warnings: Diagnostic[]; invalidRows: number; cohortSource: string; planFile: string }

export async function loadSide(ctx: CommandIO, f: SideFlags): Promise<LoadedSide | undefined> {
  const en = ctx.lang === 'en';
  const docs = builtinDocuments();
  const j = await readJson(ctx.cwd, f.plan);
  if (!j.ok) { ctx.err(`${formatDiagnostic(j.diagnostic, ctx.lang)}\n`); return undefined; }
  const lifecycles = builtinLifecycles();
  const loaded = loadPlan(j.value, { institutions: docs.institutions, rulesetIds: builtinRulesetIds(), classLifecycle: lifecycles.classLifecycle, rulesets: docs.rulesets });
  const located = loaded.diagnostics.map((d) => ({ ...d, file: f.plan }));
  for (const d of located) ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
  if (!loaded.ok) return undefined;
  const plan: Plan = loaded.value;

  let rulesets: Ruleset[] = docs.rulesets;
  let forced = false;
  const named = f.ruleset ?? plan.ruleset;
  let label = en ? 'regulation in force on each nomination date' : 'quy định có hiệu lực vào ngày cử';
  if (named !== undefined) {
    if (builtinRulesetIds().includes(named)) {
      rulesets = docs.rulesets.filter((r) => r.id === named);
    } else if (/[\\/]/.test(named) || /\.json$/i.test(named) || existsSync(resolvePath(ctx.cwd, named))) {
      const r = await loadRulesetFiles(ctx.cwd, [named]);
      for (const d of r.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
      if (!r.ok) return undefined;
      rulesets = r.rulesets;
    } else {
      ctx.err(en ? `--ruleset ${named}: neither a shipped ruleset (${builtinRulesetIds().join(', ')}) nor a file.\n` : `--ruleset ${named}: không phải bộ quy tắc có sẵn (${builtinRulesetIds().join(', ')}) cũng không phải tệp.\n`);
      return undefined;
    }
    forced = true;
    label = rulesets[0]!.regulation.code;
  }

  let cohort: CohortSpec;
  let invalidRows = 0;
  let cohortSource: string;
  if (f.cadres !== undefined) {
    const opened = await readCadreList(ctx.cwd, f.cadres, { positions: docs.positions });
    if (!opened.ok) { ctx.err(`${formatDiagnostic(opened.diagnostic, ctx.lang)}\n`); return undefined; }
    const read = opened.read;
    for (const d of read.errors) ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
    if (read.rows.length === 0) {
      ctx.err(en ? `${f.cadres}: no readable cadre.\n` : `${f.cadres}: không có hồ sơ cán bộ nào đọc được.\n`);
      return undefined;
    }
    invalidRows = read.invalid;
    cohort = { kind: 'profiles', profiles: read.rows.map((r) => r.profile), source: f.cadres };
    cohortSource = f.cadres;
  } else {
    const count = f.generate ?? plan.cohort?.count;
    if (count === undefined) {
      ctx.err(en ? `${f.plan}: the plan has no cohort; give --cadres FILE or --generate N.\n` : `${f.plan}: kế hoạch không có tập cán bộ (cohort); dùng --cadres FILE hoặc --generate N.\n`);
      return undefined;
    }
    if (count > LIMITS.cohort) {
      const where = f.generate === undefined ? `${f.plan} [cohort.count]` : '--generate';
      ctx.err(en ? `${where}: a generated cohort has at most ${LIMITS.cohort.toLocaleString('en-US')} cadres, got ${count}.\n`
        : `${where}: tập sinh ngẫu nhiên có tối đa ${LIMITS.cohort.toLocaleString('vi-VN')} hồ sơ, nhận ${count}.\n`);
      return undefined;
    }
    cohort = { kind: 'generate', count, seed: plan.cohort?.seed ?? f.seed, referenceDate: plan.cohort?.referenceDate ?? plan.approvedOn };
    // The size is the result's `cohort.cadres`; the source says only where the cadres come from.
    cohortSource = en ? 'generated cohort' : 'tập sinh ngẫu nhiên';
  }
  return {
    spec: {
      label: `${plan.id} · ${label}`, plan, cohort, rulesets, regardlessOfDate: forced, engine: f.engine,
      catalogues: { positions: docs.positions, institutions: docs.institutions }, lifecycles,
    },
    warnings: located.filter((d) => d.severity !== 'error'), invalidRows, cohortSource, planFile: f.plan,
  };
}
