/**
 * `llct check`: the headless eligibility check of shared/domain/contracts.md. Reads a cadre file, checks every
 * readable row and prints json / table / csv / junit. Exit 0 done, 1 some rows invalid, 2 usage or ruleset error.
 *
 * CSV and JSON lines are streamed (read, checked and written a batch at a time, in bounded memory; large inputs
 * on worker threads); a JSON document is read whole. See cli/check/runCheckStream.ts.
 */
import { inputPath } from '../openInput.ts';
import { noRuleForLevel } from '../../engine/rules/noRuleForLevel.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';
import { BATCH_ROWS, runCheckStream } from '../check/runCheckStream.ts';
import { writeCheckText, writeCheckWorkbook } from '../check/writeCheckWorkbook.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { formatDiagnostic, rulesetsFromFlags } from '../readFiles.ts';
import { ENGINE_OPTION } from '../engineOption.ts';
import { LIMITS } from '../limits.ts';
import { stdoutRoom } from '../stdoutRoom.ts';
import {
  CADRE_FORMAT_OPTION, SHEET_OPTION, sheetMisused, sheetOf, CADRES_OPTION, usageError, ENCODING_OPTION, formatOption, finishStreamedRun, nominationDefaults, NOMINATION_OPTIONS, OVERLAY_OPTION, PROGRESS_OPTION, RULESET_OPTION, runDetail, streamProgress,
} from './shared.ts';
import { loadOverlayFiles } from '../readOverlays.ts';
import { printableHeading } from '../check/printableHeading.ts';

/** Today's date where `llct` runs, ISO (the printable list's date when no --on is given). */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}


export const check = defineCommand(
  {
    name: 'check',
    summary: { vi: 'kiểm tra điều kiện cử đi học của một danh sách cán bộ', en: 'check the eligibility of a list of cadres' },
    options: [
      CADRES_OPTION,
      ...NOMINATION_OPTIONS,
      RULESET_OPTION,
      OVERLAY_OPTION,
      formatOption(['table', 'json', 'csv', 'junit', 'xlsx', 'html']),
      { name: 'out', type: 'string', valueName: 'FILE', description: { vi: 'ghi kết quả vào tệp (bắt buộc với --format xlsx)', en: 'write the results to a file (required with --format xlsx)' } },
      CADRE_FORMAT_OPTION,
      SHEET_OPTION,
      ENCODING_OPTION,
      ENGINE_OPTION,
      { name: 'workers', type: 'integer', valueName: 'N', max: LIMITS.workers, description: {
        vi: 'số luồng kiểm tra song song; 0 = chỉ luồng chính (mặc định: với tệp CSV/JSON lines từ 48 MB, số nhân CPU trừ 1, từ 1 đến 2; 0 nếu nhỏ hơn)',
        en: 'checking threads; 0 = main thread only (default: for CSV/JSON-lines files of 48 MB or more, CPU cores minus 1, from 1 to 2; else 0)',
      } },
      { name: 'batch-rows', type: 'integer', valueName: 'N', min: 1, max: LIMITS.batchRows, description: {
        vi: `số hàng mỗi lô gửi cho luồng kiểm tra (tinh chỉnh; mặc định ${BATCH_ROWS})`,
        en: `rows per batch handed to a checking thread (tuning; default ${BATCH_ROWS})`,
      } },
      PROGRESS_OPTION,
    ],
    notes: {
      vi: 'CSV: tiêu đề là tên trường có dấu chấm (party.status…); danh sách (planning, ratings) ngăn bằng ; hoặc |, trong tệp phân cách bằng ; thì đặt ô trong ngoặc kép hoặc dùng |.\nNomination ghi trong hàng (nomination.level/mode/on) thắng các cờ. JUnit: mỗi cán bộ một testcase; hàng lỗi là <error>, chưa đủ điều kiện vẫn là testcase đạt với lý do trong <system-out>.\nCSV và JSON lines (.jsonl, .ndjson hoặc --input-format jsonl) được đọc, kiểm tra và ghi dần từng lô nên bộ nhớ không tăng theo cỡ tệp; tệp JSON (mảng hoặc { "cadres": [...] }) được đọc cả tệp. Bảng và JUnit chỉ in ra khi đọc hết tệp (giữ tạm trong một tệp tạm).\nhtml: danh sách để in và ký (A4 ngang, theo cơ quan, có lý do và căn cứ), thường kèm --out danh-sach.html; nơi ban hành và số văn bản để trống cho văn thư điền; ngày là --on hoặc hôm nay. Sổ tính nhiều trang tính: kết quả json/csv/xlsx có thêm cột sheet.\nMã thoát: 0 xong (dù đủ hay chưa đủ điều kiện), 1 có hàng lỗi, 2 lỗi cách dùng, tệp hoặc bộ quy tắc.',
      en: 'CSV: headers are the dotted field names (party.status…); lists (planning, ratings) are separated by ; or |, and in a ;-delimited file such a cell is quoted or uses |.\nA row\'s own nomination (nomination.level/mode/on) wins over the flags. JUnit: one testcase per cadre; an invalid row is an <error>, an ineligible cadre is a passing testcase with the reasons in <system-out>.\nCSV and JSON lines (.jsonl, .ndjson or --input-format jsonl) are read, checked and written a batch at a time, so memory does not grow with the file; a JSON file (an array or { "cadres": [...] }) is read whole. The table and JUnit are printed once the whole file is read (kept in a temporary file meanwhile).\nhtml: the printable list to sign (A4 landscape, grouped by agency, reasons with citations), usually with --out list.html; the place and the document number are left as dots for the clerk; the date is --on or today. A workbook read from several sheets: the json/csv/xlsx results gain a sheet column.\nExit codes: 0 done (whatever the eligibility), 1 some rows invalid, 2 usage, file or ruleset error.',
    },
  },

  async (ctx): Promise<ExitCode> => {
    const { values, lang } = ctx;
    const file = values.cadres;
    const misused = sheetMisused(ctx, 'check', file, values['input-format'], values.sheet);
    if (misused !== undefined) return misused;
    const workers = values.workers;

    const rulesets = await rulesetsFromFlags(ctx, values.ruleset, lang);
    if (!rulesets) return 2;
    const overlayFiles = values.overlay ?? [];
    const overlays = overlayFiles.length > 0 ? await loadOverlayFiles(ctx.cwd, overlayFiles, rulesets) : undefined;
    if (overlays) {
      for (const d of overlays.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, lang)}\n`);
      if (!overlays.ok) return 2;
    }
    const on = values.on;
    if (on !== undefined) {
      const s = selectRuleset(rulesets, on);
      if (!s.ok) {
        const d = s.diagnostic;
        ctx.err(`${formatDiagnostic({ ...d, message: `--on ${on}: ${d.message}`, messageEn: `--on ${on}: ${d.messageEn}` }, lang)}\n`);
        return 2;
      }
      // A level the ruleset in force has no subject rule for: every row would be refused; a ruleset error instead.
      const level = values.level;
      const uncovered = level !== undefined ? noRuleForLevel(s.ruleset, level) : undefined;
      if (uncovered) {
        ctx.err(`${formatDiagnostic({ ...uncovered, message: `--level ${level} --on ${on}: ${uncovered.message}`, messageEn: `--level ${level} --on ${on}: ${uncovered.messageEn}` }, lang)}\n`);
        return 2;
      }
    }

    const format = values.format;
    if (format === 'xlsx' && values.out === undefined) {
      return usageError(ctx, 'check', {
        vi: 'Sổ tính .xlsx là tệp nhị phân, không ghi ra stdout: thêm --out ket-qua.xlsx.',
        en: 'An .xlsx workbook is a binary file and is not written to standard output: add --out results.xlsx.',
      });
    }
    const heading = format === 'html' ? printableHeading(lang, nominationDefaults(values), todayIso()) : undefined;
    const progress = streamProgress(ctx, { vi: 'Đang kiểm tra', en: 'Checking' }, runDetail(lang, { engine: values.engine }));
    const inputFormat = values['input-format'];
    const batchRows = values['batch-rows'];
    const run = {
      path: inputPath(ctx.cwd, file),
      settings: {
        file, lang, format: format === 'xlsx' ? 'json' as const : format, engine: values.engine,
        defaults: nominationDefaults(values),
        ...((values.ruleset ?? []).length > 0 ? { rulesets } : {}),
        ...(overlays?.ok ? { overlays: overlays.overlays } : {}),
      },
      ...(inputFormat ? { inputFormat } : {}),
      ...(heading ? { heading } : {}),
      ...(values.sheet !== undefined ? { sheet: sheetOf(values.sheet)! } : {}),
      ...(values.encoding ? { encoding: values.encoding } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(batchRows !== undefined ? { batchRows } : {}),
      onProgress: progress.onProgress,
      onStart: ({ workers: used }: { workers: number }) => progress.using(runDetail(lang, { workers: used })),
    };
    if (format === 'xlsx' || values.out !== undefined) {
      const done = await (format === 'xlsx'
        ? writeCheckWorkbook(ctx, run, values.out!)
        : writeCheckText(ctx, run, values.out!)).finally(() => progress.finish());
      return done ? finishStreamedRun(ctx, done, format) : 2;
    }
    const result = await runCheckStream({ ...run, out: ctx.out, afterWrite: stdoutRoom }).finally(() => progress.finish());
    if (!result.ok) { ctx.err(`${formatDiagnostic(result.diagnostic, lang)}\n`); return 2; }

    return finishStreamedRun(ctx, result.run, format);
  },
);
