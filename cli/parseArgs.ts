/**
 * A typed option table per command and a pure parser over it: `--name value`, `--name=value`, boolean flags,
 * repeatable options, allowed values, defaults; an unknown option is a usage error with a "did you mean".
 */
import { closest } from '../engine/diagnostics/Diagnostic.ts';
import { normalizeDate, yearOutOfRange } from '../engine/documents/dates.ts';
import type { Label } from '../engine/documents/enums.ts';

export type Lang = 'vi' | 'en';
export type OptionValue = string | number | boolean | string[];

export interface OptionSpec {
  /** Long name without dashes: `cadres` for `--cadres`. */
  name: string;
  /** `date` accepts YYYY-MM-DD or DD/MM/YYYY and yields ISO; `integer` a whole number ≥ 0. */
  type: 'string' | 'integer' | 'boolean' | 'enum' | 'date';
  values?: readonly string[];
  default?: OptionValue;
  /** May be given more than once; the value is then a list. */
  multiple?: boolean;
  /** Placeholder in help: `FILE`, `N`. */
  valueName?: string;
  description: Label;
}

export interface CommandSpec {
  name: string;
  summary: Label;
  /** Usage line after `llct <name>`, e.g. `--cadres FILE [--level L]`. */
  usage: string;
  options: readonly OptionSpec[];
  /** Extra help text (exit codes, formats), per language. */
  notes?: Label;
  /** Accept bare words (sub-commands); none by default. */
  positionals?: boolean;
}

export interface UsageError { message: string; messageEn: string }

export type ParsedArgs =
  | { ok: true; help: boolean; values: Record<string, OptionValue | undefined>; positionals: string[] }
  | { ok: false; error: UsageError };

/** Options every command takes. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'lang', type: 'enum', values: ['vi', 'en'], default: 'vi', valueName: 'vi|en',
    description: { vi: 'ngôn ngữ của thông báo', en: 'language of messages' } },
  { name: 'help', type: 'boolean', description: { vi: 'hiện hướng dẫn của lệnh', en: 'show this help' } },
];

export function allOptions(spec: CommandSpec): readonly OptionSpec[] {
  return [...spec.options, ...COMMON_OPTIONS];
}

/** Parses the arguments after the command name. Pure: never reads process state. */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const options = allOptions(spec);
  const byName = new Map(options.map((o) => [o.name, o]));
  const values: Record<string, OptionValue | undefined> = {};
  const positionals: string[] = [];
  let help = false;
  const fail = (message: string, messageEn: string): ParsedArgs => ({ ok: false, error: { message, messageEn } });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') { help = true; continue; }
    if (!arg.startsWith('--') || arg === '--') {
      if (spec.positionals && !arg.startsWith('-')) { positionals.push(arg); continue; }
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
    if (spec0.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), String(converted.value)];
    else if (values[name] !== undefined) {
      return fail(`Tùy chọn --${name} chỉ được nêu một lần.`, `Option --${name} may be given only once.`);
    } else values[name] = converted.value;
  }
  for (const o of options) if (values[o.name] === undefined && o.default !== undefined) values[o.name] = o.default;
  return { ok: true, help, values, positionals };
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
      return { value: Number(raw) };
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
  const lines = [`llct ${spec.name} — ${spec.summary[lang]}`, '', `${lang === 'vi' ? 'Cách dùng' : 'Usage'}: llct ${spec.name} ${spec.usage}`, ''];
  const opts = allOptions(spec);
  const heads = opts.map((o) => `  --${o.name}${o.type === 'boolean' ? '' : ` ${o.valueName ?? (o.values ? o.values.join('|') : o.type.toUpperCase())}`}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  opts.forEach((o, i) => {
    const extra = [
      o.default !== undefined && o.type !== 'boolean' ? `${lang === 'vi' ? 'mặc định' : 'default'} ${String(o.default)}` : '',
      o.multiple ? (lang === 'vi' ? 'có thể nêu nhiều lần' : 'repeatable') : '',
    ].filter(Boolean).join('; ');
    lines.push(`${heads[i]!.padEnd(width)}${o.description[lang]}${extra ? ` (${extra})` : ''}`);
  });
  if (spec.notes) lines.push('', spec.notes[lang]);
  return `${lines.join('\n')}\n`;
}
