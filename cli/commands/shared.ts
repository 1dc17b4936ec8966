/** Options and helpers several commands share. */
import type { CommandContext, ExitCode } from '../Command.ts';
import { MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import type { OptionSpec } from '../parseArgs.ts';

/** `--level`, `--mode`, `--on`: the nomination of rows that carry none of their own (check, diff). */
export const NOMINATION_OPTIONS: readonly OptionSpec[] = [
  { name: 'level', type: 'enum', values: TRAINING_LEVELS, description: { vi: 'cấp học cử đi (khi hàng không ghi nomination.level)', en: 'training level (when a row has no nomination.level)' } },
  { name: 'mode', type: 'enum', values: MODES, description: { vi: 'hình thức học (khi hàng không ghi nomination.mode)', en: 'study mode (when a row has no nomination.mode)' } },
  { name: 'on', type: 'date', valueName: 'DATE', description: { vi: 'ngày cử đi học, YYYY-MM-DD hoặc DD/MM/YYYY (khi hàng không ghi nomination.on)', en: 'nomination date, YYYY-MM-DD or DD/MM/YYYY (when a row has no nomination.on)' } },
];

export const RULESET_OPTION: OptionSpec = {
  name: 'ruleset', type: 'string', multiple: true, valueName: 'FILE',
  description: { vi: 'bộ quy tắc thay cho bộ có sẵn (57-QĐ/TW, 350-QĐ/TW)', en: 'ruleset replacing the built-in ones (57-QĐ/TW, 350-QĐ/TW)' },
};

export const CADRE_FORMAT_OPTION: OptionSpec = {
  name: 'input-format', type: 'enum', values: ['json', 'jsonl', 'csv'], valueName: 'json|jsonl|csv',
  description: { vi: 'định dạng tệp cán bộ (mặc định: theo đuôi tệp, rồi theo nội dung)', en: 'cadre file format (default: from the extension, then the content)' },
};

/** Reports a usage error on stderr and returns exit code 2. */
export function usageError(ctx: CommandContext, command: string, vi: string, en: string): ExitCode {
  ctx.err(`${ctx.lang === 'en' ? en : vi}\n${ctx.lang === 'en' ? 'See' : 'Xem'}: llct ${command} --help\n`);
  return 2;
}
