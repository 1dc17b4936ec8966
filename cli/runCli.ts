/**
 * The `llct` command line as a function: parse argv → run a command of the registry → return the exit code.
 * Touches no process state; cli/main.ts wires it to the real process.
 */
import { closest } from '../engine/diagnostics/Diagnostic.ts';
import type { CommandIO, ExitCode } from './Command.ts';
import { COMMANDS } from './commands/index.ts';
import { COMMON_OPTIONS, formatHelp, optionHead, type Lang } from './parseArgs.ts';
import { describeWriteError, isEnvironmentError } from './writeErrors.ts';

function globalHelp(lang: Lang): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = [
    lang === 'en' ? 'llct — LLCT Studio: political-theory training eligibility (57-QĐ/TW, 350-QĐ/TW)' : 'llct — LLCT Studio: điều kiện cử đi học lý luận chính trị (57-QĐ/TW, 350-QĐ/TW)',
    '',
    `${lang === 'en' ? 'Usage' : 'Cách dùng'}: llct <${lang === 'en' ? 'command' : 'lệnh'}> ${COMMON_OPTIONS.map((o) => `[${optionHead(o)}]`).join(' ')} …`,
    '',
    ...names.map((n) => `  ${n.padEnd(width)}${COMMANDS[n]!.spec.summary[lang]}`),
    '',
    lang === 'en'
      ? 'Exit codes: 0 done, 1 invalid rows or failed cases, 2 usage, file or ruleset error, 3 internal error.'
      : 'Mã thoát: 0 xong, 1 có hàng lỗi hoặc ca kiểm thử sai, 2 lỗi cách dùng, tệp hoặc bộ quy tắc, 3 lỗi nội bộ.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Runs one command line; returns the exit code instead of exiting (tests call it directly). */
export async function runCli(argv: readonly string[], io: Omit<CommandIO, 'lang'>): Promise<ExitCode> {
  const langAt = argv.indexOf('--lang');
  const lang: Lang = argv.includes('--lang=en') || (langAt >= 0 && argv[langAt + 1] === 'en') ? 'en' : 'vi';
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(globalHelp(lang));
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const guess = closest(name, Object.keys(COMMANDS));
    io.err(lang === 'en'
      ? `Unknown command "${name}".${guess ? ` Did you mean "${guess}"?` : ''} See: llct --help\n`
      : `Không có lệnh "${name}".${guess ? ` Có phải "${guess}"?` : ''} Xem: llct --help\n`);
    return 2;
  }
  const prepared = command.prepare(rest);
  if (!prepared.ok) {
    io.err(`${lang === 'en' ? prepared.error.messageEn : prepared.error.message}\n${lang === 'en' ? 'See' : 'Xem'}: llct ${name} --help\n`);
    return 2;
  }
  const commandLang = prepared.lang;
  if (prepared.help) { io.out(formatHelp(command.spec, commandLang)); return 0; }
  try {
    return await prepared.run(io);
  } catch (e) {
    // A full disk, a lost permission…: the environment, not a bug (file error, exit 2).
    if (isEnvironmentError(e)) {
      io.err(`${describeWriteError(e.path ?? (commandLang === 'en' ? 'a file' : 'một tệp'), e, commandLang)}\n`);
      return 2;
    }
    io.err(`${commandLang === 'en' ? 'Internal error (a bug, please report it)' : 'Lỗi nội bộ (lỗi phần mềm, xin báo lại)'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}
