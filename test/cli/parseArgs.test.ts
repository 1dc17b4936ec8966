import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/commands/index.ts';
import { formatHelp, parseArgs, type CommandSpec } from '../../cli/parseArgs.ts';

const spec: CommandSpec = {
  name: 'demo', summary: { vi: 'thử', en: 'demo' }, usage: '--file FILE',
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
    expect(parseArgs(['replay', '--file', 'x'], { ...spec, positionals: true })).toMatchObject({ ok: true, positionals: ['replay'] });
  });
});

describe('formatHelp', () => {
  it('lists every option with its values, default and description in the chosen language', () => {
    const vi = formatHelp(spec, 'vi');
    expect(vi).toContain('Cách dùng: llct demo --file FILE');
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
