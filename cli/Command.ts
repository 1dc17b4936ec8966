/**
 * What a command is: its option table and a `run` that returns an exit code. Commands write data to `out` (stdout)
 * and messages or progress to `err` (stderr); only cli/main.ts touches `process.exitCode`.
 */
import type { CommandSpec, Lang, OptionValue } from './parseArgs.ts';

/**
 * Exit codes: 0 done (whatever the eligibility), 1 some input rows invalid or some golden case failed,
 * 2 usage, file or ruleset error, 3 internal error (a bug: please report it).
 */
export type ExitCode = 0 | 1 | 2 | 3;

export interface CommandContext {
  values: Record<string, OptionValue | undefined>;
  positionals: string[];
  lang: Lang;
  /** Directory relative paths are resolved against. */
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown there only then, or with --progress). */
  errIsTTY: boolean;
}

export interface Command {
  spec: CommandSpec;
  run(ctx: CommandContext): Promise<ExitCode>;
}
