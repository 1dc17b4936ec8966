/**
 * `llct coverage`: the coverage map of each regulation — every provision of its outline → the rules that encode it
 * → the golden cases that exercise each rule passing and failing → confidence; provisions no rule encodes; rules
 * citing no provision (or an unknown one); rules without a golden case each way. Shipped rulesets, outlines and
 * golden cases by default; `--ruleset`, `--outline`, `--cases` put a user's files in their place.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { builtinDocuments, builtinOutlines, createBuiltinChecker } from '../../engine/builtin.ts';
import { buildCoverage, COVERAGE_FAIL_ON, coverageFails, type Coverage } from '../../engine/coverage/buildCoverage.ts';
import { coverageJson } from '../../engine/coverage/coverageJson.ts';
import { renderCoverageHtml } from '../../engine/coverage/renderCoverageHtml.ts';
import { closest } from '../../engine/diagnostics/Diagnostic.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { REGULATION_OUTLINE_KIND, type RegulationOutline } from '../../engine/documents/regulationOutline.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { runGoldenCases, type GoldenReport } from '../../engine/rules/runGoldenCases.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { createGeneratedEvaluator } from '../createGeneratedEvaluator.ts';
import { formatCoverageTable } from '../format/formatCoverageTable.ts';
import { formatDiagnostic, loadRulesetFiles, PACKAGE_ROOT, readJson } from '../readFiles.ts';
import { formatOption } from './shared.ts';

const GOLDEN_DIR = join(PACKAGE_ROOT, 'fixtures', 'golden');

export const coverage = defineCommand(
  {
    name: 'coverage',
    summary: { vi: 'độ phủ quy định: điều khoản → quy tắc → ca kiểm thử chuẩn → độ tin cậy', en: 'regulation coverage: provision → rules → golden cases → confidence' },
    options: [
      { name: 'regulation', type: 'string', valueName: 'ID', description: { vi: 'chỉ một quy định: mã bộ quy tắc (350-qd-tw), số hiệu (350-QĐ/TW) hoặc phần đầu duy nhất của chúng (350)', en: 'one regulation only: ruleset id (350-qd-tw), code (350-QĐ/TW) or a unique start of either (350)' } },
      formatOption(['table', 'json', 'html']),
      { name: 'fail-on', type: 'enum', values: COVERAGE_FAIL_ON, multiple: true, valueName: 'uncovered|untested|assumed',
        description: {
          vi: 'thoát mã 1 khi: uncovered — có điều khoản chưa mã hóa hoặc quy tắc không nêu điều khoản; untested — có quy tắc thiếu ca kiểm thử đạt hoặc không đạt; assumed — có điều khoản giả định',
          en: 'exit 1 when: uncovered — a provision no rule encodes or a rule citing no provision; untested — a rule without a golden case passing or failing; assumed — an assumed provision',
        } },
      { name: 'ruleset', type: 'string', valueName: 'FILE', description: { vi: 'bộ quy tắc thay cho bộ có sẵn cùng mã', en: 'ruleset replacing the built-in one with the same id' } },
      { name: 'outline', type: 'string', valueName: 'FILE', description: { vi: 'đề cương quy định (llct/regulation-outline) thay cho đề cương có sẵn', en: 'regulation outline (llct/regulation-outline) replacing the built-in one' } },
      { name: 'cases', type: 'string', multiple: true, valueName: 'FILE', description: { vi: 'tệp ca kiểm thử chuẩn (mặc định: mọi tệp trong fixtures/golden)', en: 'golden case file (default: every file in fixtures/golden)' } },
    ],
    notes: {
      vi: 'Mã thoát: 0 xong, 1 điều kiện của --fail-on xảy ra, 2 lỗi cách dùng hoặc không đọc được tệp.',
      en: 'Exit codes: 0 done, 1 a --fail-on condition holds, 2 usage error or an unreadable file.',
    },
  },

  async (ctx): Promise<ExitCode> => {
    const { lang } = ctx;
    const say = (vi: string, en: string) => ctx.err(`${lang === 'en' ? en : vi}\n`);
    let rulesets: Ruleset[] = builtinDocuments().rulesets;
    let outlines: RegulationOutline[] = builtinOutlines();

    if (ctx.values.ruleset !== undefined) {
      const loaded = await loadRulesetFiles(ctx.cwd, [ctx.values.ruleset]);
      for (const d of loaded.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, lang)}\n`);
      if (!loaded.ok) return 2;
      const own = loaded.rulesets[0]!;
      rulesets = [own, ...rulesets.filter((r) => r.id !== own.id && r.regulation.effectiveFrom !== own.regulation.effectiveFrom)];
    }
    if (ctx.values.outline !== undefined) {
      const j = await readJson(ctx.cwd, ctx.values.outline);
      if (!j.ok) { ctx.err(`${formatDiagnostic(j.diagnostic, lang)}\n`); return 2; }
      const loaded = loadDocument(REGULATION_OUTLINE_KIND, j.value);
      if (!loaded.ok) {
        for (const d of loaded.diagnostics) ctx.err(`${formatDiagnostic({ ...d, file: ctx.values.outline }, lang)}\n`);
        return 2;
      }
      outlines = [loaded.value, ...outlines.filter((o) => o.ruleset !== loaded.value.ruleset)];
    }

    let pairs = rulesets.flatMap((ruleset) => {
      const outline = outlines.find((o) => o.ruleset === ruleset.id);
      return outline ? [{ ruleset, outline }] : [];
    });
    const wanted = ctx.values.regulation;
    if (wanted !== undefined) {
      const norm = (s: string) => s.normalize('NFC').toLowerCase();
      const exact = pairs.filter((p) => norm(p.ruleset.id) === norm(wanted) || norm(p.ruleset.regulation.code) === norm(wanted));
      // A unique prefix will do: `--regulation 350`.
      const prefixed = pairs.filter((p) => norm(p.ruleset.id).startsWith(norm(wanted)) || norm(p.ruleset.regulation.code).startsWith(norm(wanted)));
      const picked = exact.length > 0 ? exact : prefixed.length === 1 ? prefixed : [];
      if (picked.length === 0) {
        const known = pairs.flatMap((p) => [p.ruleset.id, p.ruleset.regulation.code]);
        const guess = closest(wanted, known);
        say(`Không có quy định "${wanted}" kèm đề cương (có: ${known.join(', ')}).${guess ? ` Có phải "${guess}"?` : ''}`,
          `No regulation "${wanted}" with an outline (known: ${known.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''}`);
        return 2;
      }
      pairs = picked;
    }
    if (pairs.length === 0) {
      say('Không bộ quy tắc nào có đề cương quy định (llct/regulation-outline) cùng mã.', 'No ruleset has a regulation outline (llct/regulation-outline) with its id.');
      return 2;
    }

    const golden = await readGolden(ctx.cwd, ctx.values.cases, rulesets, (text) => ctx.err(text), lang);
    if (!golden) return 2;
    const coverages: Coverage[] = pairs.map((p) => buildCoverage({ ...p, golden }));

    const format = ctx.values.format;
    if (format === 'json') {
      ctx.out(`${JSON.stringify({ regulations: coverages.map(coverageJson), failOn: ctx.values['fail-on'] ?? [] }, null, 2)}\n`);
    } else if (format === 'html') ctx.out(renderCoverageHtml(coverages, lang));
    else ctx.out(formatCoverageTable(coverages, lang));

    const failing = (ctx.values['fail-on'] ?? []).filter((on) => coverages.some((c) => coverageFails(c, on as (typeof COVERAGE_FAIL_ON)[number])));
    if (failing.length > 0) {
      say(`Điều kiện --fail-on xảy ra: ${failing.join(', ')}.`, `--fail-on condition holds: ${failing.join(', ')}.`);
      return 1;
    }
    return 0;
  },
);

/** The golden-case reports of the given files (or every shipped case file); undefined when one cannot be read. */
async function readGolden(cwd: string, given: readonly string[] | undefined, rulesets: Ruleset[], err: (text: string) => void, lang: 'vi' | 'en'): Promise<GoldenReport[] | undefined> {
  let files = given ?? [];
  if (files.length === 0) {
    files = (await readdir(GOLDEN_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.cases.json')).sort().map((f) => relative(cwd, join(GOLDEN_DIR, f)) || f);
  }
  const checker = createBuiltinChecker({ rulesets, evaluator: createGeneratedEvaluator });
  const reports: GoldenReport[] = [];
  for (const file of files) {
    const j = await readJson(cwd, file);
    if (!j.ok) { err(`${formatDiagnostic(j.diagnostic, lang)}\n`); return undefined; }
    const r = await runGoldenCases(checker, j.value, file);
    if (!r.ok) { for (const d of r.diagnostics) err(`${formatDiagnostic({ ...d, file }, lang)}\n`); return undefined; }
    reports.push(r.report);
  }
  return reports;
}
