/**
 * `llct lifecycle replay --events F`: replays a JSON array of events against the class lifecycle and prints
 * `{ state, history, rejected, learners }` (json) or a readable account (table). `--resume` starts from a saved
 * snapshot, `--save` writes the snapshot after the last event. Eligibility runs on the compiled evaluator, which
 * is synchronous as XState guards must be.
 */
import { createBuiltinChecker } from '../../../engine/builtin.ts';
import { formatDate } from '../../../engine/documents/dates.ts';
import { saveClassRun, resumeClassRun } from '../../../engine/lifecycle/classSnapshot.ts';
import { createClassLifecycle, type ClassRun } from '../../../engine/lifecycle/createClassLifecycle.ts';
import { replayEvents, type ReplayResult } from '../../../engine/lifecycle/replayEvents.ts';
import { createGeneratedEvaluator } from '../../createGeneratedEvaluator.ts';
import type { ExitCode } from '../../Command.ts';
import type { Lang } from '../../parseArgs.ts';
import { formatDiagnostic, readJson, resolvePath, rulesetsFromFlags } from '../../readFiles.ts';
import { usageError } from '../shared.ts';
import { describeWriteError } from '../../writeErrors.ts';
import { writeFileSafely } from '../../writeFileSafely.ts';
import { formatReportsText } from './formatReports.ts';
import type { LifecycleContext } from './lifecycleOptions.ts';
import { loadWorkflows } from './loadWorkflows.ts';

export async function replayCommand(ctx: LifecycleContext): Promise<ExitCode> {
  const { values, lang } = ctx;
  const eventsFile = values.events;
  if (eventsFile === undefined) return usageError(ctx, 'lifecycle', { vi: 'replay cần --events FILE.', en: 'replay needs --events FILE.' });
  const format = values.format ?? 'table';
  if (format !== 'json' && format !== 'table') {
    return usageError(ctx, 'lifecycle', { vi: `replay chỉ nhận --format json|table, không nhận "${format}".`, en: `replay takes --format json|table, not "${format}".` });
  }

  const rulesets = await rulesetsFromFlags(ctx, values.ruleset, lang);
  if (!rulesets) return 2;
  const wf = await loadWorkflows(ctx.cwd, values.workflow, values['learner-workflow'], rulesets);
  if (!wf.ok || !wf.classLifecycle || !wf.learnerLifecycle) {
    ctx.err(formatReportsText(wf.reports, lang));
    if (wf.ok) ctx.err(lang === 'en' ? '--workflow must be a class lifecycle for replay.\n' : '--workflow phải là quy trình lớp để replay.\n');
    return 2;
  }
  const checker = createBuiltinChecker({ rulesets, evaluator: createGeneratedEvaluator });
  const lc = createClassLifecycle({
    lifecycle: wf.classLifecycle, learnerLifecycle: wf.learnerLifecycle, checkEligibility: (p, n) => checker.checkSync(p, n),
  });

  const j = await readJson(ctx.cwd, eventsFile);
  if (!j.ok) { ctx.err(`${formatDiagnostic(j.diagnostic, lang)}\n`); return 2; }
  const events = Array.isArray(j.value) ? j.value
    : typeof j.value === 'object' && j.value !== null && Array.isArray((j.value as { events?: unknown }).events) ? (j.value as { events: unknown[] }).events
      : undefined;
  if (!events) {
    ctx.err(lang === 'en' ? `${eventsFile}: expected a JSON array of events (or { "events": [...] }).\n` : `${eventsFile}: cần một mảng JSON các sự kiện (hoặc { "events": [...] }).\n`);
    return 2;
  }

  let from: ClassRun | undefined;
  const resume = values.resume;
  if (resume !== undefined) {
    const s = await readJson(ctx.cwd, resume);
    if (!s.ok) { ctx.err(`${formatDiagnostic(s.diagnostic, lang)}\n`); return 2; }
    const r = resumeClassRun(lc, s.value);
    for (const d of r.diagnostics) ctx.err(`${formatDiagnostic({ ...d, file: resume }, lang)}\n`);
    if (!r.ok) return 2;
    from = r.run;
  }

  const result = replayEvents(lc, events, from ? { from } : {});
  const save = values.save;
  if (save !== undefined) {
    const written = await writeFileSafely(resolvePath(ctx.cwd, save), `${JSON.stringify(saveClassRun(lc, result.run), null, 2)}\n`);
    if (!written.ok) { ctx.err(`${describeWriteError(save, written.error, lang)}\n`); return 2; }
  }

  const { run: _run, ...printed } = result;
  ctx.out(format === 'json' ? `${JSON.stringify(printed, null, 2)}\n` : formatReplayText(printed, lang));
  return result.rejected.length > 0 ? 1 : 0;
}

function formatReplayText(r: ReplayResult, lang: Lang): string {
  const en = lang === 'en';
  const lines = [`${en ? 'Final state' : 'Trạng thái cuối'}: ${r.state}`, '', `${en ? 'History' : 'Lịch sử'} (${r.history.length}):`];
  for (const h of r.history) {
    const moved = h.learners?.map((l) => `${l.id} ${l.from ?? '∅'}→${l.to}`).join(', ');
    lines.push(`  ${formatDate(h.at)}  ${h.event}${h.learnerId ? ` ${h.learnerId}` : ''}  ${h.from === h.to ? h.from : `${h.from} → ${h.to}`}${moved ? `  [${moved}]` : ''}`);
  }
  lines.push('', `${en ? 'Rejected' : 'Bị từ chối'} (${r.rejected.length}):`);
  for (const x of r.rejected) lines.push(`  #${(x.index ?? 0) + 1} ${x.at ? formatDate(x.at) : '—'}  ${x.event}: ${en ? x.reasonEn : x.reason}`);
  const counts = new Map<string, number>();
  for (const l of r.learners) counts.set(l.state, (counts.get(l.state) ?? 0) + 1);
  lines.push('', `${en ? 'Learners' : 'Học viên'} (${r.learners.length}): ${[...counts].map(([s, n]) => `${s} ${n}`).join(', ') || '—'}`);
  return `${lines.join('\n')}\n`;
}
