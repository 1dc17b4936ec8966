import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand } from '../../cli/Command.ts';
import { COMMANDS } from '../../cli/commands/index.ts';
import { allOptions, formatHelp, formatUsage, parseArgs, type CommandSpec } from '../../cli/parseArgs.ts';

const spec: CommandSpec = {
  name: 'demo', summary: { vi: 'thử', en: 'demo' },
  options: [
    { name: 'file', type: 'string', description: { vi: 'tệp', en: 'file' } },
    { name: 'level', type: 'enum', values: ['elementary', 'intermediate', 'advanced'], description: { vi: 'cấp', en: 'level' } },
    { name: 'on', type: 'date', description: { vi: 'ngày', en: 'date' } },
    { name: 'count', type: 'integer', description: { vi: 'số', en: 'count' } },
    { name: 'format', type: 'enum', values: ['table', 'json'], default: 'table', description: { vi: 'định dạng', en: 'format' } },
    { name: 'ruleset', type: 'string', multiple: true, description: { vi: 'bộ quy tắc', en: 'ruleset' } },
    { name: 'progress', type: 'boolean', description: { vi: 'tiến độ', en: 'progress' } },
  ],
};

const ok = (argv: string[]) => {
  const r = parseArgs(argv, spec);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r;
};
const error = (argv: string[]) => {
  const r = parseArgs(argv, spec);
  if (r.ok) throw new Error('expected a usage error');
  return r.error;
};

describe('parseArgs', () => {
  it('reads --name value and --name=value, converting by type, and fills defaults', () => {
    const r = ok(['--file', 'a.csv', '--level=intermediate', '--on', '01/03/2024', '--count', '12', '--progress']);
    expect(r.values).toEqual({ file: 'a.csv', level: 'intermediate', on: '2024-03-01', count: 12, progress: true, format: 'table', lang: 'vi' });
    expect(r.help).toBe(false);
  });

  it('collects a repeatable option into a list', () => {
    expect(ok(['--ruleset', 'a.json', '--ruleset=b.json']).values.ruleset).toEqual(['a.json', 'b.json']);
  });

  it('rejects an unknown option with a "did you mean"', () => {
    const e = error(['--levle', 'advanced']);
    expect(e.message).toBe('Lệnh demo không có tùy chọn --levle. Có phải --level?');
    expect(e.messageEn).toBe('Command demo has no option --levle. Did you mean --level?');
  });

  it('rejects a value outside the allowed ones, listing them', () => {
    expect(error(['--level', 'intermediat']).messageEn).toBe('--level does not accept "intermediat"; allowed: elementary, intermediate, advanced. Did you mean "intermediate"?');
  });

  it('rejects an impossible date, a non-integer count and a missing value', () => {
    expect(error(['--on', '31/02/2024']).messageEn).toContain('"31/02/2024" is not a real date');
    expect(error(['--count', '-3']).messageEn).toBe('--count needs a whole number ≥ 0, got "-3".');
    expect(error(['--count', '1.5']).messageEn).toContain('whole number');
    expect(error(['--file']).messageEn).toBe('Option --file needs a value (string).');
    expect(error(['--file', '--level', 'advanced']).messageEn).toBe('Option --file needs a value (string).');
  });

  it('rejects a single-valued option given twice and a stray word', () => {
    expect(error(['--file', 'a', '--file', 'b']).messageEn).toBe('Option --file may be given only once.');
    expect(error(['extra']).messageEn).toBe('Unexpected argument "extra" for command demo.');
  });

  it('recognises --help and -h, and the common --lang option', () => {
    expect(ok(['--help']).help).toBe(true);
    expect(ok(['-h']).help).toBe(true);
    expect(ok(['--lang', 'en']).values.lang).toBe('en');
    expect(error(['--lang', 'fr']).messageEn).toContain('allowed: vi, en');
  });

  it('accepts positionals only when the command declares them', () => {
    expect(parseArgs(['replay', '--file', 'x'], { ...spec, positionals: ['replay'] })).toMatchObject({ ok: true, positionals: ['replay'] });
  });

  it('refuses a missing required option with its placeholder, except with --help', () => {
    const required: CommandSpec = { ...spec, options: [{ name: 'cadres', type: 'string', valueName: 'FILE', required: true, description: { vi: 'tệp', en: 'file' } }] };
    const r = parseArgs([], required);
    expect(r).toEqual({ ok: false, error: { message: 'Thiếu --cadres FILE.', messageEn: 'Missing --cadres FILE.' } });
    expect(parseArgs(['--help'], required)).toMatchObject({ ok: true, help: true });
  });
});

describe('option values are typed from the table', () => {
  it('gives each option the type its entry says, undefined unless required or defaulted', async () => {
    const command = defineCommand({
      name: 'typed', summary: { vi: 'kiểu', en: 'types' },
      options: [
        { name: 'file', type: 'string', required: true, description: { vi: 'tệp', en: 'file' } },
        { name: 'level', type: 'enum', values: ['elementary', 'intermediate'], description: { vi: 'cấp', en: 'level' } },
        { name: 'format', type: 'enum', values: ['table', 'json'], default: 'table', description: { vi: 'dạng', en: 'format' } },
        { name: 'count', type: 'integer', description: { vi: 'số', en: 'count' } },
        { name: 'ruleset', type: 'string', multiple: true, description: { vi: 'bộ', en: 'set' } },
        { name: 'all', type: 'boolean', description: { vi: 'hết', en: 'all' } },
      ],
    }, async (ctx) => {
      expectTypeOf(ctx.values.file).toEqualTypeOf<string>();
      expectTypeOf(ctx.values.level).toEqualTypeOf<'elementary' | 'intermediate' | undefined>();
      expectTypeOf(ctx.values.format).toEqualTypeOf<'table' | 'json'>();
      expectTypeOf(ctx.values.count).toEqualTypeOf<number | undefined>();
      expectTypeOf(ctx.values.ruleset).toEqualTypeOf<string[] | undefined>();
      expectTypeOf(ctx.values.all).toEqualTypeOf<boolean | undefined>();
      expectTypeOf(ctx.values.lang).toEqualTypeOf<'vi' | 'en'>();
      ctx.out(JSON.stringify(ctx.values));
      return 0;
    });
    const prepared = command.prepare(['--file', 'a.csv', '--level', 'intermediate', '--count', '3', '--ruleset', 'x.json', '--all', '--lang', 'en']);
    if (!prepared.ok) throw new Error(prepared.error.messageEn);
    expect(prepared.lang).toBe('en');
    let printed = '';
    const code = await prepared.run({ cwd: '.', out: (t) => { printed += t; }, err: () => undefined, errIsTTY: false });
    expect(code).toBe(0);
    expect(JSON.parse(printed)).toEqual({ file: 'a.csv', level: 'intermediate', count: 3, ruleset: ['x.json'], all: true, lang: 'en', format: 'table' });
  });
});

describe('formatHelp', () => {
  it('lists every option with its values, default and description in the chosen language', () => {
    const vi = formatHelp(spec, 'vi');
    expect(vi).toContain('Cách dùng: llct demo [--file STRING] [--level elementary|intermediate|advanced] [--on DATE] [--count INTEGER] '
      + '[--format table|json] [--ruleset STRING …] [--progress] [--lang vi|en] [--help]\n');
    expect(formatHelp(spec, 'en')).toContain('Usage: llct demo [--file STRING]');
    expect(vi).toMatch(/--format table\|json\s+định dạng \(mặc định table\)/);
    expect(vi).toMatch(/--ruleset STRING\s+bộ quy tắc \(có thể nêu nhiều lần\)/);
    expect(formatHelp(spec, 'en')).toMatch(/--lang vi\|en\s+language of messages \(default vi\)/);
  });

  it('exists for every registered command, in both languages', () => {
    for (const command of Object.values(COMMANDS)) {
      expect(formatHelp(command.spec, 'vi')).toContain(`llct ${command.spec.name}`);
      expect(formatHelp(command.spec, 'en')).toContain('--help');
    }
  });
});

/** The `--name` words of a text. */
const flagsIn = (text: string) => new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!));

describe('usage and option table of every command', () => {
  for (const command of Object.values(COMMANDS)) {
    const names = new Set(allOptions(command.spec).map((o) => o.name));

    it(`llct ${command.spec.name}: every option of the table is in the usage and the help, and nothing else is`, () => {
      expect(flagsIn(formatUsage(command.spec))).toEqual(names);
      for (const lang of ['vi', 'en'] as const) {
        const help = formatHelp(command.spec, lang);
        const usageLine = help.split('\n').find((l) => l.startsWith(lang === 'vi' ? 'Cách dùng: ' : 'Usage: '));
        expect(flagsIn(usageLine ?? '')).toEqual(names);
        // One line per option in the list under the usage, in table order.
        const listed = help.split('\n').filter((l) => /^ {2}--/.test(l)).map((l) => /^ {2}--([a-z-]+)/.exec(l)![1]);
        expect(listed).toEqual(allOptions(command.spec).map((o) => o.name));
      }
    });

    it(`llct ${command.spec.name}: every option in the usage parses, with a value of its own kind`, () => {
      for (const o of allOptions(command.spec)) {
        const sample = o.type === 'boolean' ? [] : [o.type === 'integer' ? String(o.min ?? 1) : o.type === 'date' ? '2024-03-01' : o.values?.[0] ?? 'x'];
        const required = allOptions(command.spec).filter((r) => r.required && r.name !== o.name).flatMap((r) => [`--${r.name}`, r.type === 'integer' ? '1' : 'x']);
        const prepared = command.prepare([...(command.spec.positionals?.slice(0, 1) ?? []), `--${o.name}`, ...sample, ...required]);
        expect(prepared.ok, `--${o.name}`).toBe(true);
      }
    });
  }
});

describe('integer limits in the option table', () => {
  const limited: CommandSpec = {
    name: 'limited', summary: { vi: 'giới hạn', en: 'limited' },
    options: [{ name: 'runs', type: 'integer', min: 1, max: 10_000, description: { vi: 'số lần chạy', en: 'runs' } }],
  };

  it('takes the bounds themselves and refuses one past either, naming the limit in both languages', () => {
    for (const n of ['1', '10000']) expect(parseArgs(['--runs', n], limited).ok).toBe(true);
    const low = parseArgs(['--runs', '0'], limited);
    const high = parseArgs(['--runs', '10001'], limited);
    expect(low.ok || high.ok).toBe(false);
    if (!low.ok) expect([low.error.message, low.error.messageEn]).toEqual(['--runs phải từ 1 trở lên, nhận 0.', '--runs must be at least 1, got 0.']);
    if (!high.ok) expect([high.error.message, high.error.messageEn]).toEqual(['--runs tối đa là 10.000, nhận 10001.', '--runs is at most 10,000, got 10001.']);
  });

  it('states the limit in the help', () => {
    expect(formatHelp(limited, 'en')).toMatch(/--runs INTEGER\s+runs \(at least 1; at most 10,000\)/);
    expect(formatHelp(limited, 'vi')).toMatch(/--runs INTEGER\s+số lần chạy \(từ 1; tối đa 10\.000\)/);
  });

  it('gives every count and size option of the CLI an upper limit', () => {
    const unbounded = Object.values(COMMANDS).flatMap((c) => allOptions(c.spec)
      .filter((o) => o.type === 'integer' && o.max === undefined).map((o) => `${c.spec.name} --${o.name}`));
    expect(unbounded).toEqual([]);
  });
});
