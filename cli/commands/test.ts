/**
 * `llct test`: runs golden regulation cases (fixtures/golden/*.cases.json by default) against the built-in
 * rulesets. Exit 0 all passed, 1 some case failed, 2 a case file could not be read or loaded.
 */
import { citationIn } from '../../engine/documents/ruleset.ts';
import { builtinRulesetIds } from '../../engine/builtin.ts';
import { closest, diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { runGoldenCases, type GoldenReport } from '../../engine/rules/runGoldenCases.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { element, textElement, XML_HEADER } from '../format/xml.ts';
import { ENGINE_OPTION, evaluatorOf } from '../engineOption.ts';
import { formatDiagnostic, PACKAGE_ROOT, readJson } from '../readFiles.ts';
import { loadOverlayFiles } from '../readOverlays.ts';
import type { Overlay } from '../../engine/documents/overlay.ts';
import type { CommandIO } from '../Command.ts';

const GOLDEN_DIR = join(PACKAGE_ROOT, 'fixtures', 'golden');

export const test = defineCommand(
  {
    name: 'test',
    summary: { vi: 'chạy các ca kiểm thử chuẩn (golden cases) của quy định', en: 'run the golden regulation cases' },
    options: [
      { name: 'cases', type: 'string', multiple: true, valueName: 'FILE', description: { vi: 'tệp ca kiểm thử (mặc định: mọi tệp trong fixtures/golden)', en: 'case file (default: every file in fixtures/golden)' } },
      { name: 'format', type: 'enum', values: ['table', 'json', 'junit'], default: 'table', description: { vi: 'định dạng kết quả', en: 'output format' } },
      ENGINE_OPTION,
    ],
    notes: { vi: 'Mã thoát: 0 mọi ca đạt, 1 có ca sai, 2 không đọc được tệp ca.', en: 'Exit codes: 0 all cases passed, 1 some case failed, 2 a case file could not be read.' },
  },

  async (ctx): Promise<ExitCode> => {
    const { lang } = ctx;
    let files = ctx.values.cases ?? [];
    if (files.length === 0) {
      try {
        files = (await readdir(GOLDEN_DIR)).filter((f) => f.endsWith('.cases.json')).sort().map((f) => relative(ctx.cwd, join(GOLDEN_DIR, f)) || f);
      } catch {
        files = [];
      }
      if (files.length === 0) {
        ctx.err(lang === 'en' ? `No case files in ${GOLDEN_DIR}.\n` : `Không có tệp ca kiểm thử nào trong ${GOLDEN_DIR}.\n`);
        return 2;
      }
    }
    const evaluator = evaluatorOf(ctx.values.engine);
    const checker = createBuiltinChecker({ evaluator });
    const reports: GoldenReport[] = [];
    let unreadable = false;
    for (const file of files) {
      const j = await readJson(ctx.cwd, file);
      if (!j.ok) { ctx.err(`${formatDiagnostic(j.diagnostic, lang)}\n`); unreadable = true; continue; }
      const overlays = await overlaysOfCaseFile(ctx, j.value, file);
      if (overlays === undefined) { unreadable = true; continue; }
      const r = await runGoldenCases(overlays.length > 0 ? createBuiltinChecker({ evaluator, overlays }) : checker, j.value, file);
      if (!r.ok) {
        for (const d of r.diagnostics) ctx.err(`${formatDiagnostic({ ...d, file }, lang)}\n`);
        unreadable = true;
        continue;
      }
      if (!builtinRulesetIds().includes(r.report.ruleset)) {
        // The cases would run against whichever regulation the dates select, passing or failing for a reason that
        // has nothing to do with the ruleset the file names.
        const guess = closest(r.report.ruleset, builtinRulesetIds());
        ctx.err(`${formatDiagnostic({ ...diagnostic('golden/unknown-ruleset', 'error', 'ruleset',
          { vi: `tệp ca kiểm thử nêu bộ quy tắc "${r.report.ruleset}" không có (có: ${builtinRulesetIds().join(', ')})${guess ? `. Có phải "${guess}"?` : ''}`, en: `the case file names ruleset "${r.report.ruleset}", which is not loaded (loaded: ${builtinRulesetIds().join(', ')})${guess ? `. Did you mean "${guess}"?` : ''}` }), file }, lang)}\n`);
        unreadable = true;
        continue;
      }
      reports.push(r.report);
    }
    const passed = reports.reduce((n, r) => n + r.passed, 0);
    const failed = reports.reduce((n, r) => n + r.failed, 0);
    const format = ctx.values.format;
    if (format === 'json') ctx.out(`${JSON.stringify({ files: reports, passed, failed, engine: ctx.values.engine }, null, 2)}\n`);
    else if (format === 'junit') ctx.out(junit(reports, passed, failed));
    else ctx.out(table(reports, lang, passed, failed));
    return unreadable ? 2 : failed > 0 ? 1 : 0;
  },
);

/**
 * The overlays a case file names (`overlays`, paths relative to the file), loaded and checked against the shipped
 * rulesets; `undefined` (after printing why) when one does not load.
 */
async function overlaysOfCaseFile(ctx: CommandIO, raw: unknown, file: string): Promise<Overlay[] | undefined> {
  const named = typeof raw === 'object' && raw !== null && Array.isArray((raw as { overlays?: unknown }).overlays)
    ? ((raw as { overlays: unknown[] }).overlays).filter((x): x is string => typeof x === 'string') : [];
  if (named.length === 0) return [];
  const loaded = await loadOverlayFiles(ctx.cwd, named.map((n) => (isAbsolute(n) ? n : join(dirname(file), n))));
  for (const d of loaded.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
  return loaded.ok ? loaded.overlays : undefined;
}

function table(reports: readonly GoldenReport[], lang: 'vi' | 'en', passed: number, failed: number): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.file} (${r.ruleset}): ${r.passed}/${r.results.length} ${lang === 'en' ? 'passed' : 'đạt'}`);
    for (const c of r.results) {
      lines.push(`  ${c.passed ? '✓' : '✗'} ${c.id} — ${c.title} (${citationIn(c.citation, lang)})`);
      for (const p of c.problems) lines.push(`      ${p}`);
    }
    lines.push('');
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}

function junit(reports: readonly GoldenReport[], passed: number, failed: number): string {
  const suites = reports.map((r) => element('testsuite', { name: r.file, tests: r.results.length, failures: r.failed, errors: 0, skipped: 0, time: 0 },
    r.results.map((c) => element('testcase', { classname: `llct.golden.${r.ruleset}`, name: `${c.id} — ${c.title}`, time: 0 },
      c.passed ? [] : [textElement('failure', { message: c.problems[0] ?? 'failed', type: 'golden-mismatch' }, `${c.citation}\n${c.problems.join('\n')}`)]))));
  return `${XML_HEADER}${element('testsuites', { name: 'llct test', tests: passed + failed, failures: failed, errors: 0, time: 0 }, suites)}\n`;
}
