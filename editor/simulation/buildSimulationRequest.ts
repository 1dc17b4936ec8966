/**
 * The worker request for the run form's choices, from the workspace: each side's plan record (loaded and validated:
 * a plan with errors is refused with their count), the workspace's lifecycles (as edited), the rules (the workspace copies chosen by nomination date, or one
 * workspace ruleset forced whatever the date) and the cohort (the plan's generated one, or the Hà Nội sample list).
 * Pure; refusals are bilingual.
 */
import { builtinDocuments } from '../shipped/builtin.ts';
import type { CadreProfile } from '../../engine/documents/cadre.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import type { CohortSpec, ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import { SAMPLE_COHORT } from '../diff/sampleCohort.ts';
import { rulesetsByDate, workspaceRulesets } from '../workspace/analyseRuleset.ts';
import { toPlan } from '../workspace/planRecords.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { checkPlanDocument } from './checkPlanDocument.ts';
import { workspaceLifecycles } from './workspaceLifecycles.ts';
import type { SimulationRequest } from './simulationProtocol.ts';

/** `by-date`, or the record id of a workspace ruleset to force. */
export type RulesetChoice = 'by-date' | RecordId;
export type CohortChoice = 'plan' | 'sample';

export interface SideChoice { plan: RecordId; ruleset: RulesetChoice }

export interface RunChoices {
  a: SideChoice;
  /** Scenario B, compared with A on the same seeds. */
  b?: SideChoice;
  runs: number;
  seed: string;
  cohort: CohortChoice;
}

export const MAX_RUNS = 2000;
const docs = builtinDocuments();
let sampleProfiles: CadreProfile[] | undefined;

/** The Hà Nội sample list as profiles (read once). */
export function sampleCohortProfiles(): CadreProfile[] {
  sampleProfiles ??= readCadresFromText(SAMPLE_COHORT.text, { file: SAMPLE_COHORT.file, positions: docs.positions }).rows.map((r) => r.profile);
  return sampleProfiles;
}

/** The ids a plan's `ruleset` may name in this workspace. */
export function workspaceRulesetIds(records: Records): string[] {
  return [...new Set(workspaceRulesets(records).map((r) => r.ruleset.id))];
}

const seedOf = (text: string): number | string => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text.trim() || '1');

/** A scenario, and its title in both languages (the page shows its results in whichever language it is in then). */
interface Side { spec: ScenarioSpec; title: Label }

function side(records: Records, choice: SideChoice, cohort: CohortChoice, seed: number | string, name: string, lang: Lang, named: boolean): Side | Label {
  const record = records.get(choice.plan);
  if (record?.type !== 'plan') return { vi: `Kịch bản ${name}: không tìm thấy kế hoạch.`, en: `Scenario ${name}: plan not found.` };
  const lifecycles = workspaceLifecycles(records);
  if (!lifecycles.ok) {
    const first = lifecycles.diagnostics.find((d) => d.severity === 'error');
    return {
      vi: `Quy trình lớp trong không gian làm việc không dùng được${first ? `: ${first.message}` : ''}. Sửa ở thẻ Quy trình lớp.`,
      en: `The workspace's class lifecycle cannot be used${first ? `: ${first.messageEn}` : ''}. Fix it in the Lifecycles tab.`,
    };
  }
  const checked = checkPlanDocument(toPlan(records, record.id).plan, workspaceRulesetIds(records), lifecycles.classLifecycle, rulesetsByDate(records));
  const plan = checked.plan;
  if (!plan) {
    const n = checked.diagnostics.filter((d) => d.severity === 'error').length;
    return { vi: `Kịch bản ${name}: kế hoạch còn ${n} lỗi; sửa các ô được đánh dấu rồi chạy lại.`, en: `Scenario ${name}: the plan has ${n} error(s); fix the marked cells, then run again.` };
  }
  let rulesets = rulesetsByDate(records);
  let forced = false;
  let rules: Label = { vi: 'theo ngày cử', en: 'by nomination date' };
  if (choice.ruleset !== 'by-date') {
    const found = workspaceRulesets(records).find((r) => r.id === choice.ruleset);
    if (!found) return { vi: `Kịch bản ${name}: không có bộ quy tắc đã chọn.`, en: `Scenario ${name}: the chosen ruleset is missing.` };
    rulesets = [found.ruleset];
    forced = true;
    rules = { vi: found.ruleset.regulation.code, en: found.ruleset.regulation.code };
  }
  const spec: CohortSpec = cohort === 'sample'
    ? { kind: 'profiles', profiles: sampleCohortProfiles(), source: SAMPLE_COHORT.file }
    : { kind: 'generate', count: plan.cohort?.count ?? 2000, seed: plan.cohort?.seed ?? seed, referenceDate: plan.cohort?.referenceDate ?? plan.approvedOn };
  const title = (l: Lang) => `${named ? `${name}: ` : ''}${plan.id} · ${rules[l]}`;
  return {
    title: { vi: title('vi'), en: title('en') },
    spec: {
      label: title(lang), plan, cohort: spec, rulesets, regardlessOfDate: forced, engine: 'compiled',
      catalogues: { positions: docs.positions, institutions: docs.institutions },
      lifecycles: { classLifecycle: lifecycles.classLifecycle, learnerLifecycle: lifecycles.learnerLifecycle },
    },
  };
}

/** The request for the form's choices; `lang` is the language of the scenario labels the results will show. */
export function buildSimulationRequest(records: Records, c: RunChoices, lang: Lang = 'vi'): { ok: true; request: SimulationRequest } | { ok: false; reason: Label } {
  if (!Number.isInteger(c.runs) || c.runs < 1 || c.runs > MAX_RUNS) {
    return { ok: false, reason: { vi: `Số lần chạy phải là số nguyên từ 1 đến ${MAX_RUNS}.`, en: `Runs must be a whole number from 1 to ${MAX_RUNS}.` } };
  }
  const seed = seedOf(c.seed);
  const a = side(records, c.a, c.cohort, seed, 'A', lang, c.b !== undefined);
  if (!('spec' in a)) return { ok: false, reason: a };
  const both: Side[] = [a];
  if (c.b) {
    const b = side(records, c.b, c.cohort, seed, 'B', lang, true);
    if (!('spec' in b)) return { ok: false, reason: b };
    both.push(b);
  }
  const cohortLabel: Label = c.cohort === 'sample' ? { vi: SAMPLE_COHORT.file, en: SAMPLE_COHORT.file } : { vi: 'tập sinh theo kế hoạch', en: 'generated by the plan' };
  return { ok: true, request: { sides: both.map((x) => x.spec), titles: both.map((x) => x.title), runs: c.runs, seed, cohortSource: cohortLabel[lang], cohortLabel } };
}
