/**
 * A typed option table per command and a pure parser over it: `--name value`, `--name=value`, boolean flags,
 * repeatable options, allowed values, defaults, required options; an unknown option is a usage error with a
 * "did you mean". The parsed values are typed from the table ({@link OptionValues}), and the usage line and the
 * help are generated from it ({@link formatUsage}, {@link formatHelp}), so none of them can drift from the others.
 */
import { closest } from '../engine/diagnostics/Diagnostic.ts';
import { normalizeDate, yearOutOfRange } from '../engine/documents/dates.ts';
import type { Label } from '../engine/documents/enums.ts';

export type Lang = 'vi' | 'en';
export type OptionValue = string | number | boolean | string[];

export interface OptionSpec {
  /** Long name without dashes: `cadres` for `--cadres`. */
  name: string;
  /** `date` accepts YYYY-MM-DD or DD/MM/YYYY and yields ISO; `integer` a whole number ≥ 0 (or ≥ `min`, ≤ `max`). */
  type: 'string' | 'integer' | 'boolean' | 'enum' | 'date';
  /** `integer`: the smallest value taken (0 by default); below it is a usage error. */
  min?: number;
  /** `integer`: the largest value taken (see cli/limits.ts); above it is a usage error, and the help states it. */
  max?: number;
  values?: readonly string[];
  default?: OptionValue;
  /** May be given more than once; the value is then a list. */
  multiple?: boolean;
  /** Must be given (except with --help): missing, it is a usage error ("Thiếu --cadres FILE."). */
  required?: boolean;
  /** Placeholder in help: `FILE`, `N`. */
  valueName?: string;
  description: Label;
}

/**
 * The value a parsed option has, from its entry in the table: a list when repeatable, else by type (an enum's
 * allowed values as a union); `undefined` when it was not given, unless it is required or has a default.
 * Declare tables `as const satisfies OptionSpec` (or inline in {@link defineCommand}) so names and values stay literal.
 */
type SingleValue<O> = O extends { type: 'boolean' } ? boolean
  : O extends { type: 'integer' } ? number
  : O extends { type: 'enum'; values: readonly (infer V)[] } ? V
  : string;
type ValueOf<O> = O extends { multiple: true } ? string[] : SingleValue<O>;
type Given<O> = O extends { required: true } | { default: OptionValue } ? ValueOf<O> : ValueOf<O> | undefined;
export type OptionValues<Opts extends readonly OptionSpec[]> = { [O in Opts[number] as O['name']]: Given<O> };

/** Options every command takes. */
export const COMMON_OPTIONS = [
  { name: 'lang', type: 'enum', values: ['vi', 'en'], default: 'vi', valueName: 'vi|en',
    description: { vi: 'ngôn ngữ của thông báo', en: 'language of messages' } },
  { name: 'help', type: 'boolean', description: { vi: 'hiện hướng dẫn của lệnh', en: 'show this help' } },
] as const satisfies readonly OptionSpec[];

/** The values of a command whose table is `Opts`, the common options included. */
export type CommandValues<Opts extends readonly OptionSpec[]> = OptionValues<Opts> & OptionValues<typeof COMMON_OPTIONS>;

export interface CommandSpec<Opts extends readonly OptionSpec[] = readonly OptionSpec[]> {
  name: string;
  summary: Label;
  options: Opts;
  /** Extra help text (exit codes, formats), per language. */
  notes?: Label;
  /** Bare words the command accepts (sub-commands), shown in the usage as `a|b|c`; none by default. */
  positionals?: readonly string[];
}

export interface UsageError { message: string; messageEn: string }

export type ParsedArgs<V = Record<string, OptionValue | undefined>> =
  | { ok: true; help: boolean; values: V; positionals: string[] }
  | { ok: false; error: UsageError };

export function allOptions(spec: CommandSpec): readonly OptionSpec[] {
  return [...spec.options, ...COMMON_OPTIONS];
}

/** `--cadres FILE`, `--level elementary|intermediate|advanced`, `--progress`: an option as help and usage show it. */
export function optionHead(o: OptionSpec): string {
  return `--${o.name}${o.type === 'boolean' ? '' : ` ${o.valueName ?? (o.values ? o.values.join('|') : o.type.toUpperCase())}`}`;
}

/**
 * The usage line after `llct <name>`, made from the table: the sub-commands, then each option in table order —
 * bare when required, in brackets otherwise, with `…` when repeatable — the common options last.
 */
export function formatUsage(spec: CommandSpec): string {
  const words = spec.positionals?.length ? [spec.positionals.join('|')] : [];
  for (const o of allOptions(spec)) {
    const head = `${optionHead(o)}${o.multiple ? ' …' : ''}`;
    words.push(o.required ? head : `[${head}]`);
  }
  return words.join(' ');
}

/** Parses the arguments after the command name. Pure: never reads process state. */
export function parseArgs<const Opts extends readonly OptionSpec[]>(argv: readonly string[], spec: CommandSpec<Opts>): ParsedArgs<CommandValues<Opts>> {
  const options = allOptions(spec);
  const byName = new Map(options.map((o) => [o.name, o]));
  const values: Record<string, OptionValue | undefined> = {};
  const positionals: string[] = [];
  let help = false;
  const fail = (message: string, messageEn: string): ParsedArgs<never> => ({ ok: false, error: { message, messageEn } });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') { help = true; continue; }
    if (!arg.startsWith('--') || arg === '--') {
      if (spec.positionals?.length && !arg.startsWith('-')) { positionals.push(arg); continue; }
      return fail(`Tham số thừa "${arg}" cho lệnh ${spec.name}.`, `Unexpected argument "${arg}" for command ${spec.name}.`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec0 = byName.get(name);
    if (!spec0) {
      const guess = closest(name, options.map((o) => o.name));
      return fail(
        `Lệnh ${spec.name} không có tùy chọn --${name}.${guess ? ` Có phải --${guess}?` : ''}`,
        `Command ${spec.name} has no option --${name}.${guess ? ` Did you mean --${guess}?` : ''}`);
    }
    if (spec0.type === 'boolean') {
      if (eq >= 0) {
        const v = arg.slice(eq + 1);
        if (v !== 'true' && v !== 'false') return fail(`--${name} không nhận giá trị "${v}" (chỉ true/false).`, `--${name} takes no value "${v}" (only true/false).`);
        values[name] = v === 'true';
      } else values[name] = true;
      if (name === 'help') help = values[name] === true;
      continue;
    }
    let raw: string | undefined;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) raw = argv[++i];
    if (raw === undefined) {
      return fail(`Tùy chọn --${name} cần một giá trị (${spec0.valueName ?? spec0.type}).`, `Option --${name} needs a value (${spec0.valueName ?? spec0.type}).`);
    }
    const converted = convert(spec0, raw);
    if ('error' in converted) return { ok: false, error: converted.error };
    const before = values[name];
    if (spec0.multiple) values[name] = [...(Array.isArray(before) ? before : []), String(converted.value)];
    else if (before !== undefined) {
      return fail(`Tùy chọn --${name} chỉ được nêu một lần.`, `Option --${name} may be given only once.`);
    } else values[name] = converted.value;
  }
  for (const o of options) {
    if (values[o.name] !== undefined) continue;
    if (o.default !== undefined) values[o.name] = o.default;
    else if (o.required && !help) return fail(`Thiếu ${optionHead(o)}.`, `Missing ${optionHead(o)}.`);
  }
  // The record was filled from this very table by the converters above, so it has the table's shape.
  return { ok: true, help, values: values as CommandValues<Opts>, positionals };
}

function convert(spec: OptionSpec, raw: string): { value: OptionValue } | { error: UsageError } {
  const name = `--${spec.name}`;
  switch (spec.type) {
    case 'string':
      return raw === '' ? { error: { message: `${name} không được để trống.`, messageEn: `${name} must not be empty.` } } : { value: raw };
    case 'integer': {
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
        return { error: { message: `${name} cần một số nguyên không âm, nhận "${raw}".`, messageEn: `${name} needs a whole number ≥ 0, got "${raw}".` } };
      }
      const n = Number(raw);
      if (spec.min !== undefined && n < spec.min) {
        return { error: { message: `${name} phải từ ${spec.min} trở lên, nhận ${raw}.`, messageEn: `${name} must be at least ${spec.min}, got ${raw}.` } };
      }
      if (spec.max !== undefined && n > spec.max) {
        return { error: {
          message: `${name} tối đa là ${spec.max.toLocaleString('vi-VN')}, nhận ${raw}.`,
          messageEn: `${name} is at most ${spec.max.toLocaleString('en-US')}, got ${raw}.`,
        } };
      }
      return { value: n };
    }
    case 'date': {
      const iso = normalizeDate(raw);
      const range = iso === undefined ? yearOutOfRange(raw) : undefined;
      if (range) return { error: { message: `${name}: "${raw}": ${range.vi}.`, messageEn: `${name}: "${raw}": ${range.en}.` } };
      if (iso === undefined) {
        return { error: { message: `${name}: "${raw}" không phải ngày có thật (YYYY-MM-DD hoặc DD/MM/YYYY).`, messageEn: `${name}: "${raw}" is not a real date (YYYY-MM-DD or DD/MM/YYYY).` } };
      }
      return { value: iso };
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(raw)) return { value: raw };
      const guess = closest(raw, values);
      return { error: {
        message: `${name} không nhận "${raw}"; giá trị cho phép: ${values.join(', ')}.${guess ? ` Có phải "${guess}"?` : ''}`,
        messageEn: `${name} does not accept "${raw}"; allowed: ${values.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      } };
    }
    case 'boolean':
      return { value: raw === 'true' };
  }
}

/** The `--help` text of a command, in one language. */
export function formatHelp(spec: CommandSpec, lang: Lang): string {
  const lines = [`llct ${spec.name} — ${spec.summary[lang]}`, '', `${lang === 'vi' ? 'Cách dùng' : 'Usage'}: llct ${spec.name} ${formatUsage(spec)}`, ''];
  const opts = allOptions(spec);
  const heads = opts.map((o) => `  ${optionHead(o)}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  opts.forEach((o, i) => {
    const extra = [
      o.default !== undefined && o.type !== 'boolean' ? `${lang === 'vi' ? 'mặc định' : 'default'} ${String(o.default)}` : '',
      o.min !== undefined && o.min > 0 ? `${lang === 'vi' ? 'từ' : 'at least'} ${o.min}` : '',
      o.max !== undefined ? `${lang === 'vi' ? 'tối đa' : 'at most'} ${o.max.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US')}` : '',
      o.required ? (lang === 'vi' ? 'bắt buộc' : 'required') : '',
      o.multiple ? (lang === 'vi' ? 'có thể nêu nhiều lần' : 'repeatable') : '',
    ].filter(Boolean).join('; ');
    lines.push(`${heads[i]!.padEnd(width)}${o.description[lang]}${extra ? ` (${extra})` : ''}`);
  });
  if (spec.notes) lines.push('', spec.notes[lang]);
  return `${lines.join('\n')}\n`;
}
