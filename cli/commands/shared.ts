/** Options and helpers several commands share. */
import type { CommandIO, ExitCode } from '../Command.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { INPUT_ENCODINGS } from '../../engine/io/detectEncoding.ts';
import { MODES, TRAINING_LEVELS, type Label, type Mode, type TrainingLevel } from '../../engine/documents/enums.ts';
import type { OptionSpec } from '../parseArgs.ts';
import { createProgress, type Progress } from '../progress.ts';
import { formatDiagnostic } from '../readFiles.ts';
import { isWorkbookInput } from '../readInputBytes.ts';
import type { NominationDefaults } from '../runCheck.ts';

// Option entries are declared `as const satisfies OptionSpec`: their names and values stay literal, so the values a
// command reads are typed from them (parseArgs.ts, OptionValues).

/** `--cadres FILE`, required: the list a command reads (check, diff). */
export const CADRES_OPTION = {
  name: 'cadres', type: 'string', valueName: 'FILE', required: true,
  description: { vi: 'tệp hồ sơ cán bộ (JSON, JSON lines, CSV hoặc sổ tính .xlsx)', en: 'cadre file (JSON, JSON lines, CSV or an .xlsx workbook)' },
} as const satisfies OptionSpec;

/** `--format`, one of `values`, the table by default. */
export function formatOption<const V extends readonly ['table', ...string[]]>(values: V) {
  return {
    name: 'format', type: 'enum', values, default: 'table', description: { vi: 'định dạng kết quả trên stdout', en: 'output format on stdout' },
  } as const satisfies OptionSpec;
}

/** `--level`, `--mode`, `--on`: the nomination of rows that carry none of their own (check, diff). */
export const NOMINATION_OPTIONS = [
  { name: 'level', type: 'enum', values: TRAINING_LEVELS, description: { vi: 'cấp học cử đi (khi hàng không ghi nomination.level)', en: 'training level (when a row has no nomination.level)' } },
  { name: 'mode', type: 'enum', values: MODES, description: { vi: 'hình thức học (khi hàng không ghi nomination.mode)', en: 'study mode (when a row has no nomination.mode)' } },
  { name: 'on', type: 'date', valueName: 'DATE', description: { vi: 'ngày cử đi học, YYYY-MM-DD hoặc DD/MM/YYYY (khi hàng không ghi nomination.on)', en: 'nomination date, YYYY-MM-DD or DD/MM/YYYY (when a row has no nomination.on)' } },
] as const satisfies readonly OptionSpec[];

/** The nomination defaults `--level`, `--mode` and `--on` give. */
export function nominationDefaults(values: { level?: TrainingLevel | undefined; mode?: Mode | undefined; on?: string | undefined }): NominationDefaults {
  return {
    ...(values.level ? { level: values.level } : {}),
    ...(values.mode ? { mode: values.mode } : {}),
    ...(values.on ? { on: values.on } : {}),
  };
}

export const PROGRESS_OPTION = {
  name: 'progress', type: 'boolean',
  description: { vi: 'hiện tiến độ trên stderr cả khi stderr không phải terminal', en: 'show progress on stderr even when it is not a terminal' },
} as const satisfies OptionSpec;

/** Inputs from this size show progress on a terminal without --progress. */
const PROGRESS_FROM_BYTES = 256 * 1024;

/** What a run uses besides the defaults, as progress shows it: `reference`, `2 luồng` / `2 workers`. */
export function runDetail(lang: 'vi' | 'en', used: { engine?: string | undefined; defaultEngine?: string; workers?: number | undefined }): string[] {
  return [
    ...(used.engine !== undefined && used.engine !== (used.defaultEngine ?? 'compiled') ? [used.engine] : []),
    ...(used.workers !== undefined && used.workers > 0 ? [lang === 'en' ? `${used.workers} worker${used.workers === 1 ? '' : 's'}` : `${used.workers} luồng`] : []),
  ];
}

/**
 * Progress on stderr for a command that streams a cadre file (`verb`: "Đang kiểm tra" / "Checking"): on a terminal
 * once the input is large enough, or always with `--progress`. Created on the first report, when the size is known.
 * `detail` (the evaluator, the threads a run actually uses: {@link runDetail}) follows the verb in brackets, so a
 * log shows what `--engine` and `--workers` chose although the results are the same.
 */
export function streamProgress(ctx: CommandIO & { values: { progress: boolean | undefined } }, verb: Label, detail: readonly string[] = []) {
  let progress: Progress | undefined;
  let details = [...detail];
  return {
    /** Adds what the run decided once started (the threads of an automatic `--workers`). */
    using(more: readonly string[]) { details = [...details, ...more]; },
    onProgress(bytes: number, size: number, rows: number) {
      const label = details.length > 0 ? `${verb[ctx.lang]} (${details.join(', ')})` : verb[ctx.lang];
      progress ??= createProgress(ctx.values.progress === true || (ctx.errIsTTY && size >= PROGRESS_FROM_BYTES), ctx.errIsTTY, ctx.err, label);
      progress.update(bytes, size, `${rows} ${ctx.lang === 'en' ? 'rows' : 'hàng'}`);
    },
    finish() { progress?.finish(); },
  };
}

/**
 * The end of a streamed run: warnings to stderr, and row errors too unless the format is the table (which lists them
 * itself; JSON carries them as well, but stderr is where a script looks). Exit 1 when some rows were unreadable, 2
 * when the file itself has an error.
 */
export function finishStreamedRun(ctx: CommandIO, run: { warnings: readonly Diagnostic[]; errors: readonly (Diagnostic & { row?: number })[] }, format: string): ExitCode {
  for (const d of run.warnings) ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
  if (format !== 'table') for (const d of run.errors) ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
  // An error about the file itself (empty, not a list, a forbidden column, bytes that do not parse outside any row)
  // is a file error, exit 2 as the README says; errors on rows are exit 1.
  if (run.errors.some((d) => d.row === undefined)) return 2;
  return run.errors.length > 0 ? 1 : 0;
}

export const RULESET_OPTION = {
  name: 'ruleset', type: 'string', multiple: true, valueName: 'FILE',
  description: { vi: 'bộ quy tắc thay cho bộ có sẵn (57-QĐ/TW, 350-QĐ/TW)', en: 'ruleset replacing the built-in ones (57-QĐ/TW, 350-QĐ/TW)' },
} as const satisfies OptionSpec;

/** `--overlay FILE`, repeatable: provincial or agency overlays (`llct/ruleset-overlay`) layered over the rulesets. */
export const OVERLAY_OPTION = {
  name: 'overlay', type: 'string', multiple: true, valueName: 'FILE',
  description: {
    vi: 'lớp phủ của tỉnh hoặc cơ quan (llct/ruleset-overlay) áp lên bộ quy tắc gốc cho cán bộ trong phạm vi của nó, theo ngày cử đi học; lặp lại được',
    en: 'provincial or agency overlay (llct/ruleset-overlay) layered over its base ruleset for the cadres it covers, by nomination date; repeatable',
  },
} as const satisfies OptionSpec;

export const CADRE_FORMAT_OPTION = {
  name: 'input-format', type: 'enum', values: ['json', 'jsonl', 'csv', 'xlsx'], valueName: 'json|jsonl|csv|xlsx',
  description: { vi: 'định dạng tệp cán bộ (mặc định: theo đuôi tệp, rồi theo nội dung)', en: 'cadre file format (default: from the extension, then the content)' },
} as const satisfies OptionSpec;

/** `--sheet NAME|NUMBER`: the one sheet of a workbook to read (all visible sheets by default). */
export const SHEET_OPTION = {
  name: 'sheet', type: 'string', valueName: 'NAME|NUMBER',
  description: { vi: 'sổ tính .xlsx: chỉ đọc trang tính này, theo tên hoặc số thứ tự từ 1 (mặc định: mọi trang tính đang hiện)', en: '.xlsx workbook: read only this sheet, by name or 1-based number (default: every visible sheet)' },
} as const satisfies OptionSpec;

/** `--sheet` given for a cadre file that is not a workbook: a usage error (exit 2) rather than an option ignored. */
export function sheetMisused(ctx: CommandIO, command: string, file: string | undefined, format: string | undefined, sheet: string | undefined): ExitCode | undefined {
  if (sheet === undefined || file === undefined || isWorkbookInput(file, format)) return undefined;
  return usageError(ctx, command, { vi: '--sheet chỉ dùng cho sổ tính .xlsx.', en: '--sheet applies to .xlsx workbooks only.' });
}

/** The sheet `--sheet` names: a number when it is all digits, else a name. */
export function sheetOf(value: string | undefined): string | number | undefined {
  return value === undefined ? undefined : /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** `--encoding`: the encoding of a cadre file that is not UTF-8 (a legacy export), decoded with TextDecoder. */
export const ENCODING_OPTION = {
  name: 'encoding', type: 'enum', values: INPUT_ENCODINGS, valueName: INPUT_ENCODINGS.join('|'),
  description: { vi: 'bảng mã của tệp cán bộ nếu không phải UTF-8 (mặc định: UTF-8, tệp khác bảng mã bị từ chối)', en: 'encoding of the cadre file when it is not UTF-8 (default: UTF-8; a file in another encoding is refused)' },
} as const satisfies OptionSpec;

/** Reports a usage error on stderr and returns exit code 2. */
export function usageError(ctx: CommandIO, command: string, message: Label): ExitCode {
  ctx.err(`${message[ctx.lang]}\n${ctx.lang === 'en' ? 'See' : 'Xem'}: llct ${command} --help\n`);
  return 2;
}
