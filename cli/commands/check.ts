/**
 * `llct check`: the headless eligibility check of shared/domain/contracts.md. Reads a cadre file, checks every
 * readable row and prints json / table / csv / junit. Exit 0 done, 1 some rows invalid, 2 usage or ruleset error.
 */
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { MODES, TRAINING_LEVELS, type Mode, type TrainingLevel } from '../../engine/documents/enums.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';
import type { Command, ExitCode } from '../Command.ts';
import { formatCheckCsv } from '../format/formatCheckCsv.ts';
import { formatCheckJson } from '../format/formatCheckJson.ts';
import { formatCheckJunit } from '../format/formatCheckJunit.ts';
import { formatCheckTable } from '../format/formatCheckTable.ts';
import { createProgress } from '../progress.ts';
import { formatDiagnostic, loadRulesetFiles, readText } from '../readFiles.ts';
import { runCheck } from '../runCheck.ts';
import { CADRE_FORMAT_OPTION, RULESET_OPTION, usageError } from './shared.ts';

export const check: Command = {
  spec: {
    name: 'check',
    summary: { vi: 'kiểm tra điều kiện cử đi học của một danh sách cán bộ', en: 'check the eligibility of a list of cadres' },
    usage: '--cadres FILE [--level L] [--mode M] [--on DATE] [--ruleset FILE] [--format json|table|csv|junit] [--lang vi|en]',
    options: [
      { name: 'cadres', type: 'string', valueName: 'FILE', description: { vi: 'tệp hồ sơ cán bộ (JSON, JSON lines hoặc CSV)', en: 'cadre file (JSON, JSON lines or CSV)' } },
      { name: 'level', type: 'enum', values: TRAINING_LEVELS, description: { vi: 'cấp học cử đi (khi hàng không ghi nomination.level)', en: 'training level (when a row has no nomination.level)' } },
      { name: 'mode', type: 'enum', values: MODES, description: { vi: 'hình thức học (khi hàng không ghi nomination.mode)', en: 'study mode (when a row has no nomination.mode)' } },
      { name: 'on', type: 'date', valueName: 'DATE', description: { vi: 'ngày cử đi học, YYYY-MM-DD hoặc DD/MM/YYYY (khi hàng không ghi nomination.on)', en: 'nomination date, YYYY-MM-DD or DD/MM/YYYY (when a row has no nomination.on)' } },
      RULESET_OPTION,
      { name: 'format', type: 'enum', values: ['table', 'json', 'csv', 'junit'], default: 'table', description: { vi: 'định dạng kết quả trên stdout', en: 'output format on stdout' } },
      CADRE_FORMAT_OPTION,
      { name: 'progress', type: 'boolean', description: { vi: 'hiện tiến độ trên stderr cả khi stderr không phải terminal', en: 'show progress on stderr even when it is not a terminal' } },
    ],
    notes: {
      vi: 'CSV: tiêu đề là tên trường có dấu chấm (party.status…); danh sách (planning, ratings) ngăn bằng ; hoặc |, trong tệp phân cách bằng ; thì đặt ô trong ngoặc kép hoặc dùng |.\nNomination ghi trong hàng (nomination.level/mode/on) thắng các cờ. JUnit: mỗi cán bộ một testcase; hàng lỗi là <error>, chưa đủ điều kiện vẫn là testcase đạt với lý do trong <system-out>.\nMã thoát: 0 xong (dù đủ hay chưa đủ điều kiện), 1 có hàng lỗi, 2 lỗi cách dùng, tệp hoặc bộ quy tắc.',
      en: 'CSV: headers are the dotted field names (party.status…); lists (planning, ratings) are separated by ; or |, and in a ;-delimited file such a cell is quoted or uses |.\nA row\'s own nomination (nomination.level/mode/on) wins over the flags. JUnit: one testcase per cadre; an invalid row is an <error>, an ineligible cadre is a passing testcase with the reasons in <system-out>.\nExit codes: 0 done (whatever the eligibility), 1 some rows invalid, 2 usage, file or ruleset error.',
    },
  },

  async run(ctx): Promise<ExitCode> {
    const { values, lang } = ctx;
    const file = values.cadres as string | undefined;
    if (file === undefined) return usageError(ctx, 'check', 'Thiếu --cadres FILE.', 'Missing --cadres FILE.');

    let rulesets = builtinDocuments().rulesets;
    const rulesetFiles = (values.ruleset as string[] | undefined) ?? [];
    if (rulesetFiles.length > 0) {
      const loaded = await loadRulesetFiles(ctx.cwd, rulesetFiles);
      for (const d of loaded.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, lang)}\n`);
      if (!loaded.ok) return 2;
      rulesets = loaded.rulesets;
    }
    const on = values.on as string | undefined;
    if (on !== undefined) {
      const s = selectRuleset(rulesets, on);
      if (!s.ok) {
        const d = s.diagnostic;
        ctx.err(`${formatDiagnostic({ ...d, message: `--on ${on}: ${d.message}`, messageEn: `--on ${on}: ${d.messageEn}` }, lang)}\n`);
        return 2;
      }
    }
    const text = await readText(ctx.cwd, file);
    if (!text.ok) { ctx.err(`${formatDiagnostic(text.diagnostic, lang)}\n`); return 2; }

    const format = values['input-format'] as 'json' | 'csv' | 'jsonl' | undefined;
    const read = readCadresFromText(text.text, { file, positions: builtinDocuments().positions, ...(format ? { format } : {}) });
    const checker = createBuiltinChecker({ rulesets });
    const progress = createProgress(values.progress === true || (ctx.errIsTTY && read.rows.length >= 200), ctx.errIsTTY, ctx.err,
      lang === 'en' ? 'Checking' : 'Đang kiểm tra');
    const run = await runCheck(read, file, checker, {
      ...(values.level ? { level: values.level as TrainingLevel } : {}),
      ...(values.mode ? { mode: values.mode as Mode } : {}),
      ...(on ? { on } : {}),
    }, (done, total) => progress.update(done, total));
    progress.finish();

    // The table lists unreadable rows itself; the other formats leave messages to stderr (JSON also carries them).
    if (values.format !== 'table') for (const d of [...run.warnings, ...run.errors]) ctx.err(`${formatDiagnostic(d, lang)}\n`);
    else for (const d of run.warnings) ctx.err(`${formatDiagnostic(d, lang)}\n`);
    const out = values.format === 'json' ? formatCheckJson(run, lang)
      : values.format === 'csv' ? formatCheckCsv(run, lang)
        : values.format === 'junit' ? formatCheckJunit(run, lang)
          : formatCheckTable(run, lang);
    ctx.out(out);
    return run.errors.length > 0 ? 1 : 0;
  },
};
