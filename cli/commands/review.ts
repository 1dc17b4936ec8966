/**
 * `llct review`: what a change to the rule documents does, for the merge request that makes it — per changed
 * document the decisions cited, the structural diff in words, validity and publication; the golden cases of both
 * sides; the effect on a cohort. Sides are two directories or two git revisions. Exit 0 passed, 1 policy failure,
 * 2 usage or file error.
 */
import type { Label } from '../../engine/documents/enums.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { formatDiagnostic, readText, resolvePath } from '../readFiles.ts';
import { buildReview, type ReviewOptions } from '../review/buildReview.ts';
import { loadReviewSide } from '../review/loadReviewSide.ts';
import { openTree } from '../review/openTree.ts';
import { reviewBlocks } from '../review/reviewBlocks.ts';
import { renderHtml, renderMarkdown } from '../review/renderReview.ts';
import { describeWriteError } from '../writeErrors.ts';
import { writeFileSafely } from '../writeFileSafely.ts';
import { NOMINATION_OPTIONS, usageError } from './shared.ts';

const SIDE = (which: Label) => ({
  vi: `${which.vi}: một thư mục, hoặc một phiên bản git của kho đang đứng (nhánh, thẻ, commit: origin/main, HEAD)`,
  en: `${which.en}: a directory, or a git revision of the repository you are in (branch, tag, commit: origin/main, HEAD)`,
});

export const review = defineCommand(
  {
    name: 'review',
    summary: { vi: 'xem xét một thay đổi quy tắc cho yêu cầu hợp nhất: căn cứ, thay đổi, ca kiểm thử, ảnh hưởng', en: 'review a rule change for a merge request: decisions, changes, golden cases, effect' },
    options: [
      { name: 'base', type: 'string', valueName: 'REF_OR_DIR', required: true, description: SIDE({ vi: 'bản cũ (nhánh đích)', en: 'the old side (target branch)' }) },
      { name: 'head', type: 'string', valueName: 'REF_OR_DIR', required: true, description: SIDE({ vi: 'bản mới (nhánh thay đổi)', en: 'the new side (the change)' }) },
      { name: 'cadres', type: 'string', valueName: 'FILE', description: { vi: 'danh sách cán bộ để đo ảnh hưởng (ai được thêm, ai mất điều kiện, theo quy tắc)', en: 'cadre file to measure the effect on (who gains, who loses, by rule)' } },
      ...NOMINATION_OPTIONS,
      { name: 'format', type: 'enum', values: ['markdown', 'html', 'json'], default: 'markdown', description: { vi: 'định dạng kết quả', en: 'output format' } },
      { name: 'out', type: 'string', valueName: 'FILE', description: { vi: 'ghi vào tệp thay vì stdout', en: 'write to a file instead of stdout' } },
      { name: 'allow-draft', type: 'boolean', description: { vi: 'thay đổi chưa ban hành theo quyết định chỉ là cảnh báo, không làm trượt', en: 'a change not yet published under a decision is a warning, not a failure' } },
    ],
    notes: {
      vi: 'Tài liệu được đọc trong rulesets/ (bộ quy tắc, danh mục, quy trình), fixtures/golden/ (ca kiểm thử chuẩn) và fixtures/plans/ (kế hoạch). Phiên bản git được đọc bằng git ls-tree / git show, không checkout.\n'
        + 'Với --cadres, mỗi bộ quy tắc sửa đổi được xét trên danh sách theo bản cũ và bản mới, ở mọi trình độ bản mới quy định và cả hai hình thức (hoặc theo --level, --mode; hàng có nomination riêng thì theo hàng), cử ngày --on, mặc định ngày áp dụng của quyết định ban hành bản mới, không có thì ngày hiệu lực của bộ quy tắc.\n'
        + 'Ví dụ (CI): llct review --base origin/main --head HEAD --out review.md\n'
        + 'Mã thoát: 0 đạt; 1 không đạt — bản mới có tài liệu không hợp lệ, ca kiểm thử chuẩn sai, hoặc tài liệu thay đổi mà bản mới chưa ban hành theo quyết định (--allow-draft: chỉ cảnh báo) hay sửa bản đã ban hành mà không tăng revision; 2 lỗi cách dùng, không đọc được thư mục hay phiên bản git.',
      en: 'Documents are read in rulesets/ (rulesets, catalogues, lifecycles), fixtures/golden/ (golden cases) and fixtures/plans/ (plans). A git revision is read with git ls-tree / git show, without a checkout.\n'
        + 'With --cadres, each modified ruleset is judged on the list under its old and its new version, at every level the new version regulates and in both modes (or as --level, --mode say; a row\'s own nomination wins), nominated on --on, by default the date the head\'s decision applies from, else the ruleset\'s effective date.\n'
        + 'Example (CI): llct review --base origin/main --head HEAD --out review.md\n'
        + 'Exit codes: 0 passed; 1 failed — an invalid document on head, a golden case failing, or a changed document whose head revision is not published under a decision (--allow-draft: a warning) or that changed a published revision without raising it; 2 usage error, a directory or git revision that cannot be read.',
    },
  },

  async (ctx): Promise<ExitCode> => {
    const { values: v, lang } = ctx;
    const sides = [];
    for (const spec of [v.base, v.head]) {
      const opened = await openTree(ctx.cwd, spec);
      if (!opened.ok) return usageError(ctx, 'review', opened.message);
      try {
        sides.push(await loadReviewSide(opened.tree));
      } catch (e) {
        return usageError(ctx, 'review', { vi: `không đọc được ${spec}: ${String(e)}`, en: `cannot read ${spec}: ${String(e)}` });
      }
    }
    const [base, head] = sides as [typeof sides[number], typeof sides[number]];

    const options: ReviewOptions = { allowDraft: v['allow-draft'] === true };
    if (v.cadres !== undefined) {
      const t = await readText(ctx.cwd, v.cadres);
      if (!t.ok) { ctx.err(`${formatDiagnostic(t.diagnostic, lang)}\n`); return 2; }
      const read = readCadresFromText(t.text, { file: v.cadres, positions: head.positions });
      for (const d of read.errors) ctx.err(`${formatDiagnostic(d, lang)}\n`);
      options.cohort = { file: v.cadres, rows: read.rows,
        ...(v.on !== undefined ? { on: v.on } : {}), ...(v.level !== undefined ? { level: v.level } : {}), ...(v.mode !== undefined ? { mode: v.mode } : {}) };
    }
    const names = new Map(head.positions.positions.map((p) => [p.code, p.name]));
    const result = await buildReview(base, head, options, (code) => names.get(code));

    const text = v.format === 'json' ? `${JSON.stringify(result, null, 2)}\n`
      : v.format === 'html' ? renderHtml(reviewBlocks(result, lang), lang)
        : renderMarkdown(reviewBlocks(result, lang));
    if (v.out !== undefined) {
      const w = await writeFileSafely(resolvePath(ctx.cwd, v.out), text);
      if (!w.ok) { ctx.err(`${describeWriteError(v.out, w.error, lang)}\n`); return 2; }
    } else ctx.out(text);
    for (const p of result.problems) ctx.err(`${p.severity === 'error' ? (lang === 'en' ? 'error' : 'lỗi') : (lang === 'en' ? 'warning' : 'cảnh báo')}: ${p.file}: ${p.message[lang]}\n`);
    ctx.err(result.passed ? (lang === 'en' ? 'Review passed.\n' : 'Xem xét: đạt.\n') : (lang === 'en' ? 'Review failed.\n' : 'Xem xét: không đạt.\n'));
    return result.exitCode;
  },
);
