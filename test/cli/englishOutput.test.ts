/**
 * `--lang en` prints no Vietnamese: every command, over good and bad inputs, in every text format (help and usage,
 * tables, CSV, JUnit, explanations, diagnostics and hints on stderr). JSON outputs are left out: their `message`,
 * `reason` and `name` fields are Vietnamese by the interchange contract, beside the English `…En` ones.
 *
 * What an English output may still hold, precisely:
 * 1. text in double quotes — values echoed from a file (a field value, an unknown column, a key, the regulation's
 *    official title, which exists in Vietnamese only);
 * 2. regulation and decision numbers such as 57-QĐ/TW or 215-KH/TU;
 * 3. proper names taken from the inputs and the shipped catalogues, exactly as written there: a cadre's full name,
 *    agency and province, the institutions' names (their English names keep Vietnamese proper nouns: "Lê Hồng Phong
 *    Cadre Training School") and province names, the title and citation note of a golden case (the case files
 *    are written in Vietnamese), and the strings of lifecycle events (a class name, an agency). A generated cohort is data, so
 *    `generate` is checked with --out: its messages, not the names it draws.
 * Anything else with a Vietnamese letter (a tone or shape mark, or đ) fails, with the command and the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.ts';
import { hasVietnameseLetter } from '../vietnameseLetters.ts';
import { ROOT } from './runLlct.ts';

const BAD = join(ROOT, 'fixtures', 'bad-input');

function json(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** Every string under `value` at a key in `keys` (any key when `keys` is undefined). */
function stringsIn(value: unknown, keys?: ReadonlySet<string>, key = ''): string[] {
  if (typeof value === 'string') return keys === undefined || keys.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => stringsIn(v, keys, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringsIn(v, keys, k));
  return [];
}

const NAME_KEYS = new Set(['fullName', 'agency', 'province', 'decidedBy']);
const csvNames = readFileSync(join(ROOT, 'fixtures', 'cadres', 'hanoi-2024-central-agencies.csv'), 'utf8').split('\n').slice(1)
  .flatMap((line) => line.split(',').filter(hasVietnameseLetter));
/** Allowed proper names (rule 3), longest first so that a long name is removed before a shorter one inside it. */
const NAMES = [...new Set([
  ...csvNames,
  ...stringsIn(json('fixtures/cadres/hanoi-2024-central-agencies.json'), NAME_KEYS),
  ...stringsIn(json('fixtures/cadres/sample-mixed.json'), NAME_KEYS),
  ...stringsIn(json('rulesets/institutions.json'), new Set(['en', 'name', 'province', 'provinces', 'merged', 'into'])),
  ...['57-qd-tw', '350-qd-tw'].flatMap((r) => stringsIn(json(`fixtures/golden/${r}.cases.json`), new Set(['title', 'citation']))),
  ...['class-full', 'class-rejected'].flatMap((f) => stringsIn(json(`fixtures/lifecycle/${f}.events.json`))),
  // The agencies of the Hà Nội plan (simulate prints them by name).
  ...stringsIn((json('fixtures/plans/ha-noi-2024.json') as { agencies: unknown }).agencies, new Set(['name'])),
  ...readdirSync(BAD).filter((f) => /\.(json|jsonl)$/.test(f) && f !== 'manifest.json').flatMap((f) => {
    try { return stringsIn(JSON.parse(readFileSync(join(BAD, f), 'utf8')), NAME_KEYS); } catch { return []; }
  }),
].filter(hasVietnameseLetter))].sort((a, b) => b.length - a.length);

/** The lines of `text` with Vietnamese outside the allowed exceptions. */
function vietnameseLines(text: string): string[] {
  return text.split('\n').filter((line) => {
    let rest = line;
    for (const name of NAMES) if (rest.includes(name)) rest = rest.replaceAll(name, '');
    return hasVietnameseLetter(rest.replace(/"[^"\n]*"/g, '').replace(/\d+-[A-ZĐ]+\/[A-ZĐ]+/g, ''));
  });
}

async function run(args: readonly string[]) {
  let out = '';
  const code = await runCli([...args, '--lang', 'en'], { out: (t) => { out += t; }, err: (t) => { out += t; }, errIsTTY: false, cwd: BAD });
  return { code, out };
}

const CADRES = '../cadres/hanoi-2024-central-agencies.csv';
const TC = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];
const COMMANDS: string[][] = [
  ['--help'], ['check', '--help'], ['validate', '--help'], ['test', '--help'], ['explain', '--help'], ['generate', '--help'],
  ['diff', '--help'], ['lifecycle', '--help'], ['review', '--help'],
  ['check', '--cadres', CADRES, ...TC, '--format', 'table'],
  ['check', '--cadres', CADRES, ...TC, '--format', 'csv'],
  ['check', '--cadres', CADRES, ...TC, '--format', 'junit'],
  ['check', '--cadres', '../cadres/sample-mixed.json', '--level', 'elementary', '--mode', 'part-time', '--on', '2025-10-01', '--format', 'table'],
  ['explain', '--cadres', CADRES, '--id', 'HN-0018', ...TC],
  ['explain', '--cadres', CADRES, '--id', 'HN-0001', '--level', 'elementary', '--mode', 'part-time', '--on', '2025-10-01'],
  ['validate'], ['test'], ['test', '--format', 'junit'],
  ['diff', '--cadres', CADRES, ...TC, '--b', '350-qd-tw'],
  ['diff', '--cadres', CADRES, ...TC, '--b', '350-qd-tw', '--format', 'csv', '--all'],
  ['generate', '--count', '3', '--seed', '1', '--format', 'csv', '--out', join(tmpdir(), `llct-en-${process.pid}.csv`)],
  ['lifecycle', 'validate'], ['lifecycle', 'validate', '--workflow', '../lifecycle/broken-class.lifecycle.json'],
  ['lifecycle', 'replay', '--events', '../lifecycle/class-full.events.json'],
  ['lifecycle', 'replay', '--events', '../lifecycle/class-rejected.events.json'],
  ['lifecycle', 'diagram'], ['lifecycle', 'diagram', '--format', 'dot'],
  ['check', '--cadres', 'missing.csv', ...TC], ['check', '--cadres', CADRES], ['check', '--bogus'], ['check', '--cadres', CADRES, ...TC, '--format', 'xml'],
  ['check', '--cadres', CADRES, ...TC, '--on', '1800-01-01'],
  ['simulate', '--plan', '../plans/ha-noi-2024.json', '--runs', '2', '--workers', '0'],
  ['simulate', '--plan', '../plans/ha-noi-2024.json', '--runs', '2', '--workers', '0', '--format', 'csv'],
  ['simulate', '--plan', '../plans/ha-noi-2024.json', '--runs', '2', '--workers', '0', '--compare', '--b-ruleset', '350-qd-tw'],
];
/** Every bad input of the corpus, through the command that reads its kind, in text output. */
const CORPUS: string[][] = readdirSync(BAD).filter((f) => f !== 'manifest.json').map((f) =>
  f.endsWith('.ruleset.json') ? ['validate', '--ruleset', f]
    : f.endsWith('.plan.json') ? ['simulate', '--plan', f, '--runs', '2', '--workers', '0']
    : f.endsWith('.events.json') ? ['lifecycle', 'replay', '--events', f]
      : f.endsWith('.lifecycle.json') ? ['lifecycle', 'validate', '--workflow', f]
        : f.endsWith('.cases.json') ? ['test', '--cases', f]
          : f.startsWith('snapshot') ? ['lifecycle', 'replay', '--events', '../lifecycle/class-full.events.json', '--resume', f]
            : ['check', '--cadres', f, ...TC, '--format', 'table']);

describe('--lang en', () => {
  it('has a list of allowed names drawn from the inputs and catalogues, and it catches Vietnamese prose', () => {
    expect(NAMES).toContain('Lê Hồng Phong Cadre Training School');
    expect(NAMES).toContain('Bộ Tư pháp');
    expect(vietnameseLines('Regulation applied: 57-QĐ/TW — "Quy định về đối tượng"\nCadre Bộ Tư pháp')).toEqual([]);
    expect(vietnameseLines('error: không tìm thấy tệp')).toEqual(['error: không tìm thấy tệp']);
  });

  for (const args of [...COMMANDS, ...CORPUS]) {
    it(`prints no Vietnamese for llct ${args.join(' ')}`, async () => {
      const r = await run(args);
      expect(r.out).not.toMatch(/Internal error/);
      expect(vietnameseLines(r.out)).toEqual([]);
    }, 60_000);
  }
});

describe('simulate --lang en citations', () => {
  const SIMULATE = ['simulate', '--plan', '../plans/ha-noi-2024.json', '--runs', '2', '--workers', '0'];
  for (const extra of [[], ['--format', 'csv'], ['--format', 'html'], ['--compare', '--b-ruleset', '350-qd-tw'], ['--compare', '--b-ruleset', '350-qd-tw', '--format', 'csv']]) {
    it(`writes the articles in English (Art. 5(2), not Điều 5 khoản 2) with ${extra.join(' ') || 'the table'}`, async () => {
      const r = await run([...SIMULATE, ...extra]);
      expect(r.code, r.out.slice(0, 500)).toBe(0);
      expect(/Regulation \d+-QĐ\/TW, Art\. \d+/.test(r.out)).toBe(true);
      expect(r.out.match(/.{0,40}(Điều|khoản) \d+.{0,20}/)?.[0]).toBeUndefined();
    }, 60_000);
  }
});
