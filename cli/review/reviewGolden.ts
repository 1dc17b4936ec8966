/**
 * The golden cases of both sides, each side's files run against that side's rulesets (the regulation in force on
 * each case's nomination date, as `llct test` does with the shipped ones): the cases whose outcome differs between
 * the sides, and the cases that fail on head.
 */
import { posix } from 'node:path';
import { closest } from '../../engine/diagnostics/Diagnostic.ts';
import type { Overlay } from '../../engine/documents/overlay.ts';
import { loadOverlay } from '../../engine/overlays/validateOverlay.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { runGoldenCases, type GoldenResult } from '../../engine/rules/runGoldenCases.ts';
import type { ReviewSide } from './loadReviewSide.ts';
import type { CaseOutcome, GoldenCaseReview, GoldenReviewPart, GoldenSide, ReviewProblem } from './reviewModel.ts';

interface SideRun { side: GoldenSide; cases: Map<string, { file: string; result: GoldenResult }>; unreadable: ReviewProblem[] }

function outcome(r: GoldenResult): CaseOutcome {
  const verdict = 'eligible' in r.actual ? r.actual : undefined;
  return {
    passed: r.passed,
    ...(verdict ? { eligible: verdict.eligible } : {}),
    failures: verdict ? verdict.failures.map((f) => f.rule).sort() : [],
    problems: r.problems,
  };
}

async function runSide(side: ReviewSide): Promise<SideRun> {
  const rulesets = [...side.rulesets.values()];
  const ids = rulesets.map((r) => r.id);
  const checker = createChecker({ rulesets, positions: side.positions, institutions: side.institutions });
  const run: SideRun = { side: { files: 0, passed: 0, failed: 0 }, cases: new Map(), unreadable: [] };
  const unreadable = (file: string, vi: string, en: string) => run.unreadable.push({ code: 'review/golden-unreadable', severity: 'error', file, message: { vi, en } });
  for (const d of side.documents.values()) {
    if (d.kind !== 'llct/golden-cases') continue;
    if (d.problem) { unreadable(d.path, d.problem.message, d.problem.messageEn); continue; }
    const named = (d.raw as { ruleset?: unknown }).ruleset;
    if (typeof named === 'string' && !ids.includes(named)) {
      const guess = closest(named, ids);
      unreadable(d.path,
        `tệp ca kiểm thử nêu bộ quy tắc "${named}", không có (hoặc không tải được) ở phía này (có: ${ids.join(', ') || 'không có'})${guess ? `. Có phải "${guess}"?` : ''}`,
        `the case file names ruleset "${named}", which this side does not have or cannot load (loaded: ${ids.join(', ') || 'none'})${guess ? `. Did you mean "${guess}"?` : ''}`);
      continue;
    }
    // A case file naming overlays (paths beside it, as `llct test` reads them) is run with them applied.
    const namedOverlays = (d.raw as { overlays?: unknown }).overlays;
    let fileChecker = checker;
    if (Array.isArray(namedOverlays) && namedOverlays.length > 0) {
      const overlays: Overlay[] = [];
      const missing: string[] = [];
      for (const name of namedOverlays) {
        const path = posix.join(posix.dirname(d.path), String(name));
        const doc = side.documents.get(path);
        const loaded = doc?.raw === undefined ? undefined : loadOverlay(doc.raw, { bases: rulesets, positions: side.positions, institutions: side.institutions, file: path });
        if (loaded?.ok) overlays.push(loaded.overlay); else missing.push(path);
      }
      if (missing.length > 0) {
        unreadable(d.path, `tệp ca kiểm thử nêu lớp phủ không có hoặc không hợp lệ ở phía này: ${missing.join(', ')}`, `the case file names overlays this side does not have or that are not valid: ${missing.join(', ')}`);
        continue;
      }
      fileChecker = createChecker({ rulesets, positions: side.positions, institutions: side.institutions, overlays });
    }
    const r = await runGoldenCases(fileChecker, d.raw, d.path);
    if (!r.ok) { unreadable(d.path, r.diagnostics.map((x) => x.message).join('; '), r.diagnostics.map((x) => x.messageEn).join('; ')); continue; }
    run.side.files++;
    run.side.passed += r.report.passed;
    run.side.failed += r.report.failed;
    for (const result of r.report.results) run.cases.set(`${d.path}\u0000${result.id}`, { file: d.path, result });
  }
  return run;
}

const sameOutcome = (a: CaseOutcome, b: CaseOutcome) =>
  a.passed === b.passed && a.eligible === b.eligible && a.failures.join() === b.failures.join();

/** Runs both sides' golden cases; `problems` are the head's unreadable case files (policy failures). */
export async function reviewGolden(base: ReviewSide, head: ReviewSide): Promise<{ part: GoldenReviewPart; problems: ReviewProblem[] }> {
  const [b, h] = [await runSide(base), await runSide(head)];
  const changed: GoldenCaseReview[] = [];
  const failingOnHead: GoldenCaseReview[] = [];
  for (const [key, hc] of h.cases) {
    const r = hc.result;
    const bc = b.cases.get(key);
    const entry: GoldenCaseReview = {
      file: hc.file, id: r.id, title: r.title, citation: r.citation,
      ...(bc ? { base: outcome(bc.result) } : {}), head: outcome(r),
    };
    if (!r.passed) failingOnHead.push(entry);
    else if (bc && !sameOutcome(entry.base!, entry.head!)) changed.push(entry);
  }
  return { part: { base: b.side, head: h.side, changed, failingOnHead }, problems: h.unreadable };
}
