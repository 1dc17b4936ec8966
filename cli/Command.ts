/**
 * What a command is: its option table and a `run` that returns an exit code. Commands write data to `out` (stdout)
 * and messages or progress to `err` (stderr); only cli/main.ts touches `process.exitCode`.
 */
import { parseArgs, type CommandSpec, type CommandValues, type Lang, type OptionSpec, type UsageError } from './parseArgs.ts';

/**
 * Exit codes: 0 done (whatever the eligibility), 1 some input rows invalid or some golden case failed,
 * 2 usage, file or ruleset error, 3 internal error (a bug: please report it).
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** What a command may touch besides its option values. */
export interface CommandIO {
  lang: Lang;
  /** Directory relative paths are resolved against. */
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown there only then, or with --progress). */
  errIsTTY: boolean;
}

/** A run of a command: its option values, typed from its table (`CommandValues<typeof OPTIONS>`). */
export interface CommandContext<V> extends CommandIO {
  values: V;
  positionals: string[];
}

/** A command line parsed against a command's table, ready to run (the values stay typed inside). */
export type PreparedRun =
  | { ok: true; help: boolean; lang: Lang; run(io: Omit<CommandIO, 'lang'>): Promise<ExitCode> }
  | { ok: false; error: UsageError };

export interface Command {
  spec: CommandSpec;
  /** Parses the arguments after the command name with this command's table. */
  prepare(argv: readonly string[]): PreparedRun;
}

/**
 * A command from its table and its run. `run` receives the values {@link parseArgs} gives for exactly this table,
 * so it reads `ctx.values.cadres` as the table types it (a string, an enum's union, a list…), without casts.
 */
export function defineCommand<const Opts extends readonly OptionSpec[]>(
  spec: CommandSpec<Opts>,
  run: (ctx: CommandContext<CommandValues<Opts>>) => Promise<ExitCode>,
): Command {
  return {
    spec,
    prepare(argv) {
      const parsed = parseArgs(argv, spec);
      if (!parsed.ok) return parsed;
      const { values, positionals, help } = parsed;
      return { ok: true, help, lang: values.lang, run: (io) => run({ ...io, lang: values.lang, values, positionals }) };
    },
  };
}
