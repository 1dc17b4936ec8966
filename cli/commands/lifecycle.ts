/**
 * `llct lifecycle validate | replay | graph`: the class and learner lifecycle documents — their diagnostics, a
 * replay of an event file (shared/domain/contracts.md), and a Mermaid or DOT drawing.
 */
import { toDot, toMermaid } from '../../engine/lifecycle/lifecycleDiagrams.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { usageError } from './shared.ts';
import { countBy, formatReportsJson, formatReportsText } from './lifecycle/formatReports.ts';
import { loadWorkflows } from './lifecycle/loadWorkflows.ts';
import { LIFECYCLE_OPTIONS, SUBCOMMAND_OPTIONS, type LifecycleContext } from './lifecycle/lifecycleOptions.ts';
import { rulesetsFromFlags } from '../readFiles.ts';
import { replayCommand } from './lifecycle/replayCommand.ts';

async function validateCommand(ctx: LifecycleContext): Promise<ExitCode> {
  const format = ctx.values.format ?? 'table';
  if (format !== 'json' && format !== 'table') {
    return usageError(ctx, 'lifecycle', { vi: `validate chỉ nhận --format json|table, không nhận "${format}".`, en: `validate takes --format json|table, not "${format}".` });
  }
  const rulesets = await rulesetsFromFlags(ctx, ctx.values.ruleset, ctx.lang);
  if (!rulesets) return 2;
  const wf = await loadWorkflows(ctx.cwd, ctx.values.workflow, ctx.values['learner-workflow'], rulesets);
  ctx.out(format === 'json' ? formatReportsJson(wf.reports, ctx.lang) : formatReportsText(wf.reports, ctx.lang));
  return wf.ok && countBy(wf.reports, 'error') === 0 ? 0 : 2;
}

async function graphCommand(ctx: LifecycleContext): Promise<ExitCode> {
  const format = ctx.values.format ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') {
    return usageError(ctx, 'lifecycle', { vi: `graph chỉ nhận --format mermaid|dot, không nhận "${format}".`, en: `graph takes --format mermaid|dot, not "${format}".` });
  }
  const wf = await loadWorkflows(ctx.cwd, ctx.values.workflow, ctx.values['learner-workflow']);
  const doc = ctx.values.learner === true ? wf.learnerLifecycle : (wf.classLifecycle ?? wf.learnerLifecycle);
  if (!wf.ok || !doc) { ctx.err(formatReportsText(wf.reports, ctx.lang)); return 2; }
  ctx.out(format === 'dot' ? toDot(doc, ctx.lang) : toMermaid(doc, ctx.lang));
  return 0;
}

const SUBCOMMANDS: Record<string, (ctx: LifecycleContext) => Promise<ExitCode>> = {
  validate: validateCommand, replay: replayCommand, graph: graphCommand,
};

export const lifecycle = defineCommand(
  {
    name: 'lifecycle',
    summary: { vi: 'quy trình lớp và học viên: kiểm tra, chạy lại sự kiện, vẽ sơ đồ', en: 'class and learner lifecycles: validate, replay events, draw' },
    positionals: Object.keys(SUBCOMMANDS),
    options: LIFECYCLE_OPTIONS,
    notes: {
      vi: 'Mỗi sự kiện sai thứ tự, không được phép ở trạng thái hiện tại hoặc không thỏa điều kiện bị từ chối kèm lý do; trạng thái giữ nguyên và replay tiếp tục.\nreplay --format json in { state, history: [{ event, from, to, at }], rejected: [{ event, reason, reasonEn, code }], learners }; reason bằng tiếng Việt, reasonEn bằng tiếng Anh.\nMã thoát: 0 xong (replay: không sự kiện nào bị từ chối), 1 replay có sự kiện bị từ chối, 2 lỗi cách dùng, tệp hoặc quy trình.',
      en: 'An event out of date order, not allowed in the current state or whose condition fails is rejected with the reason; the state stays and the replay goes on.\nreplay --format json prints { state, history: [{ event, from, to, at }], rejected: [{ event, reason, reasonEn, code }], learners }; reason is Vietnamese, reasonEn English.\nExit codes: 0 done (replay: no event rejected), 1 replay rejected some events, 2 usage, file or lifecycle error.',
    },
  },

  async (ctx): Promise<ExitCode> => {
    const [sub, ...extra] = ctx.positionals;
    const run = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
    if (!run || extra.length > 0) {
      return usageError(ctx, 'lifecycle', { vi: `Cần đúng một lệnh con: validate, replay hoặc graph${sub ? ` (nhận "${ctx.positionals.join(' ')}")` : ''}.`, en: `Expected one sub-command: validate, replay or graph${sub ? ` (got "${ctx.positionals.join(' ')}")` : ''}.` });
    }
    const foreign = LIFECYCLE_OPTIONS.map((o) => o.name).filter((name) => ctx.values[name] !== undefined && !SUBCOMMAND_OPTIONS[sub!]!.includes(name));
    if (foreign.length > 0) {
      const name = foreign[0]!;
      const owners = Object.keys(SUBCOMMAND_OPTIONS).filter((s) => SUBCOMMAND_OPTIONS[s]!.includes(name));
      return usageError(ctx, 'lifecycle', { vi: `lifecycle ${sub} không dùng --${name} (tùy chọn này chỉ cho ${owners.join(', ')}).`, en: `lifecycle ${sub} does not take --${name} (it is for ${owners.join(', ')} only).` });
    }
    return run(ctx);
  },
);
