/**
 * `llct lifecycle validate | replay | graph`: the class and learner lifecycle documents — their diagnostics, a
 * replay of an event file (shared/domain/contracts.md), and a Mermaid or DOT drawing.
 */
import { toDot, toMermaid } from '../../engine/lifecycle/lifecycleDiagrams.ts';
import type { Command, CommandContext, ExitCode } from '../Command.ts';
import { RULESET_OPTION, usageError } from './shared.ts';
import { countBy, formatReportsJson, formatReportsText } from './lifecycle/formatReports.ts';
import { loadWorkflows } from './lifecycle/loadWorkflows.ts';
import { replayCommand } from './lifecycle/replayCommand.ts';

async function validateCommand(ctx: CommandContext): Promise<ExitCode> {
  const format = (ctx.values.format as string | undefined) ?? 'table';
  if (format !== 'json' && format !== 'table') {
    return usageError(ctx, 'lifecycle', `validate chỉ nhận --format json|table, không nhận "${format}".`, `validate takes --format json|table, not "${format}".`);
  }
  const wf = await loadWorkflows(ctx.cwd, ctx.values.workflow as string | undefined, ctx.values['learner-workflow'] as string | undefined);
  ctx.out(format === 'json' ? formatReportsJson(wf.reports, ctx.lang) : formatReportsText(wf.reports, ctx.lang));
  return wf.ok && countBy(wf.reports, 'error') === 0 ? 0 : 2;
}

async function graphCommand(ctx: CommandContext): Promise<ExitCode> {
  const format = (ctx.values.format as string | undefined) ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') {
    return usageError(ctx, 'lifecycle', `graph chỉ nhận --format mermaid|dot, không nhận "${format}".`, `graph takes --format mermaid|dot, not "${format}".`);
  }
  const wf = await loadWorkflows(ctx.cwd, ctx.values.workflow as string | undefined, ctx.values['learner-workflow'] as string | undefined);
  const doc = ctx.values.learner === true ? wf.learnerLifecycle : (wf.classLifecycle ?? wf.learnerLifecycle);
  if (!wf.ok || !doc) { ctx.err(formatReportsText(wf.reports, ctx.lang)); return 2; }
  ctx.out(format === 'dot' ? toDot(doc, ctx.lang) : toMermaid(doc, ctx.lang));
  return 0;
}

const SUBCOMMANDS: Record<string, (ctx: CommandContext) => Promise<ExitCode>> = {
  validate: validateCommand, replay: replayCommand, graph: graphCommand,
};

export const lifecycle: Command = {
  spec: {
    name: 'lifecycle',
    summary: { vi: 'quy trình lớp và học viên: kiểm tra, chạy lại sự kiện, vẽ sơ đồ', en: 'class and learner lifecycles: validate, replay events, draw' },
    usage: 'validate|replay|graph [--workflow FILE] [--learner-workflow FILE] [--events FILE] [--format table|json|mermaid|dot]',
    positionals: true,
    options: [
      { name: 'workflow', type: 'string', valueName: 'FILE', description: { vi: 'tệp quy trình lớp (hoặc học viên); mặc định: quy trình có sẵn', en: 'class (or learner) lifecycle file; default: the built-in one' } },
      { name: 'learner-workflow', type: 'string', valueName: 'FILE', description: { vi: 'tệp quy trình học viên; mặc định: quy trình có sẵn', en: 'learner lifecycle file; default: the built-in one' } },
      { name: 'events', type: 'string', valueName: 'FILE', description: { vi: 'replay: tệp JSON, mảng các sự kiện { "type", "at", … }', en: 'replay: JSON file, an array of events { "type", "at", … }' } },
      { name: 'format', type: 'enum', values: ['table', 'json', 'mermaid', 'dot'], description: { vi: 'validate/replay: table|json (mặc định table); graph: mermaid|dot (mặc định mermaid)', en: 'validate/replay: table|json (default table); graph: mermaid|dot (default mermaid)' } },
      { name: 'learner', type: 'boolean', description: { vi: 'graph: vẽ quy trình học viên', en: 'graph: draw the learner lifecycle' } },
      { name: 'resume', type: 'string', valueName: 'FILE', description: { vi: 'replay: tiếp tục từ snapshot đã lưu', en: 'replay: continue from a saved snapshot' } },
      { name: 'save', type: 'string', valueName: 'FILE', description: { vi: 'replay: lưu snapshot sau sự kiện cuối', en: 'replay: save the snapshot after the last event' } },
      RULESET_OPTION,
    ],
    notes: {
      vi: 'Mỗi sự kiện sai thứ tự, không được phép ở trạng thái hiện tại hoặc không thỏa điều kiện bị từ chối kèm lý do; trạng thái giữ nguyên và replay tiếp tục.\nreplay --format json in { state, history: [{ event, from, to, at }], rejected: [{ event, reason, reasonEn, code }], learners }; reason bằng tiếng Việt, reasonEn bằng tiếng Anh.\nMã thoát: 0 xong (replay: không sự kiện nào bị từ chối), 1 replay có sự kiện bị từ chối, 2 lỗi cách dùng, tệp hoặc quy trình.',
      en: 'An event out of date order, not allowed in the current state or whose condition fails is rejected with the reason; the state stays and the replay goes on.\nreplay --format json prints { state, history: [{ event, from, to, at }], rejected: [{ event, reason, reasonEn, code }], learners }; reason is Vietnamese, reasonEn English.\nExit codes: 0 done (replay: no event rejected), 1 replay rejected some events, 2 usage, file or lifecycle error.',
    },
  },

  async run(ctx): Promise<ExitCode> {
    const [sub, ...extra] = ctx.positionals;
    const run = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
    if (!run || extra.length > 0) {
      return usageError(ctx, 'lifecycle', `Cần đúng một lệnh con: validate, replay hoặc graph${sub ? ` (nhận "${ctx.positionals.join(' ')}")` : ''}.`,
        `Expected one sub-command: validate, replay or graph${sub ? ` (got "${ctx.positionals.join(' ')}")` : ''}.`);
    }
    return run(ctx);
  },
};
