/**
 * `llct diff`: one cohort of cadres checked on two sides — two regulations (57-QĐ/TW vs 350-QĐ/TW), a user's
 * edited ruleset vs the shipped one, or two nomination dates — and who gains, who loses, and why. Streams CSV and
 * JSON lines in bounded memory. Exit 0 done (whatever the changes), 1 some rows invalid, 2 usage or ruleset error.
 */
import { inputPath } from '../openInput.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { resolveDiffSides } from '../diff/resolveDiffSides.ts';
import { runDiffStream } from '../diff/runDiffStream.ts';
import { stdoutRoom } from '../stdoutRoom.ts';
import { ENGINE_OPTION, evaluatorOf } from '../engineOption.ts';
import { formatDiagnostic } from '../readFiles.ts';
import { CADRE_FORMAT_OPTION, SHEET_OPTION, sheetMisused, sheetOf, CADRES_OPTION, ENCODING_OPTION, finishStreamedRun, formatOption, nominationDefaults, NOMINATION_OPTIONS, PROGRESS_OPTION, runDetail, streamProgress } from './shared.ts';

const RULESET_SIDE = (side: 'A' | 'B') => ({
  vi: `bộ quy tắc bên ${side}: mã bộ có sẵn (57-qd-tw, 350-qd-tw) hoặc đường dẫn tệp; áp dụng bất kể ngày (mặc định: quy định có hiệu lực vào ngày cử)`,
  en: `side ${side}'s ruleset: a shipped id (57-qd-tw, 350-qd-tw) or a file path; applies whatever the date (default: the regulation in force on the nomination date)`,
});

export const diff = defineCommand(
  {
    name: 'diff',
    summary: { vi: 'so sánh điều kiện của một danh sách cán bộ giữa hai quy định, hai bộ quy tắc hoặc hai ngày cử', en: 'compare the eligibility of a list of cadres under two regulations, rulesets or nomination dates' },
    options: [
      CADRES_OPTION,
      ...NOMINATION_OPTIONS,
      { name: 'a', type: 'string', valueName: 'RULESET', description: RULESET_SIDE('A') },
      { name: 'b', type: 'string', valueName: 'RULESET', description: RULESET_SIDE('B') },
      { name: 'b-on', type: 'date', valueName: 'DATE', description: {
        vi: 'ngày cử đi học riêng của bên B, áp cho mọi hàng (kể cả hàng có nomination.on): "cùng danh sách, cử vào ngày khác"',
        en: 'side B\'s own nomination date, for every row (a row\'s nomination.on included): "the same list, nominated on another date"',
      } },
      formatOption(['table', 'json', 'csv']),
      { name: 'all', type: 'boolean', description: { vi: 'liệt kê mọi cán bộ, không chỉ người có thay đổi', en: 'list every cadre, not only those whose verdict changed' } },
      CADRE_FORMAT_OPTION,
      SHEET_OPTION,
      ENCODING_OPTION,
      ENGINE_OPTION,
      PROGRESS_OPTION,
    ],
    notes: {
      vi: 'Mỗi cán bộ được kiểm tra ở cả hai bên: được thêm (A chưa đủ → B đủ), mất điều kiện (A đủ → B chưa đủ), vẫn đủ, vẫn chưa đủ (có thể khác lý do), không so sánh được (một bên không có quy định cho ngày cử). "Cùng lý do" ở hai quy định: cùng vị trí trong văn bản (điều, khoản, điểm) và cùng nội dung thông báo; với "không thuộc nhóm đối tượng" chỉ xét vị trí.\nMặc định chỉ liệt kê cán bộ có thay đổi (được thêm, mất, đổi cơ sở đào tạo, đổi lý do, không so sánh được); --all liệt kê tất cả.\nVí dụ: llct diff --cadres fixtures/cadres/hanoi-2024-central-agencies.csv --level intermediate --mode part-time --on 2024-03-01 --b 350-qd-tw\nMã thoát: 0 xong (dù thay đổi thế nào), 1 có hàng lỗi, 2 lỗi cách dùng, tệp hoặc bộ quy tắc.',
      en: 'Each cadre is checked on both sides: gained (not eligible on A → eligible on B), lost (eligible on A → not on B), still eligible, still not eligible (possibly for other reasons), not comparable (a side has no regulation for the date). "Same reason" across regulations: the same place in the text (article, clause, point) and the same message; for "in no subject group", the place only.\nBy default only cadres whose verdict changed are listed (gained, lost, institution or reasons changed, not comparable); --all lists everyone.\nExample: llct diff --cadres fixtures/cadres/hanoi-2024-central-agencies.csv --level intermediate --mode part-time --on 2024-03-01 --b 350-qd-tw\nExit codes: 0 done (whatever the changes), 1 some rows invalid, 2 usage, file or ruleset error.',
    },
  },

  async (ctx): Promise<ExitCode> => {
    const { values, lang } = ctx;
    const file = values.cadres;
    const misused = sheetMisused(ctx, 'diff', file, values['input-format'], values.sheet);
    if (misused !== undefined) return misused;
    const on = values.on;
    const engine = values.engine;
    const sides = await resolveDiffSides(ctx, {
      ...(values.a !== undefined ? { a: values.a } : {}),
      ...(values.b !== undefined ? { b: values.b } : {}),
      ...(on !== undefined ? { on } : {}),
      ...(values['b-on'] !== undefined ? { bOn: values['b-on'] } : {}),
      evaluator: evaluatorOf(engine),
    });
    if (!sides) return 2;

    const defaults = nominationDefaults(values);
    const format = values.format;
    const inputFormat = values['input-format'];
    const progress = streamProgress(ctx, { vi: 'Đang so sánh', en: 'Comparing' }, runDetail(lang, { engine }));
    const result = await runDiffStream({
      path: inputPath(ctx.cwd, file),
      head: { file, a: sides.headers.a, b: sides.headers.b, defaults },
      sides: { a: sides.a, b: sides.b },
      sync: engine === 'compiled',
      defaults, format, all: values.all === true, lang,
      ...(inputFormat ? { inputFormat } : {}),
      ...(values.sheet !== undefined ? { sheet: sheetOf(values.sheet)! } : {}),
      ...(values.encoding ? { encoding: values.encoding } : {}),
      out: ctx.out,
      afterWrite: stdoutRoom,
      onProgress: progress.onProgress,
    }).finally(() => progress.finish());
    if (!result.ok) { ctx.err(`${formatDiagnostic(result.diagnostic, lang)}\n`); return 2; }

    return finishStreamedRun(ctx, result.run, format);
  },
);
