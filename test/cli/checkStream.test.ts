import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCheckCsv } from '../../cli/format/formatCheckCsv.ts';
import { formatCheckJson } from '../../cli/format/formatCheckJson.ts';
import { formatCheckJunit } from '../../cli/format/formatCheckJunit.ts';
import { formatCheckTable } from '../../cli/format/formatCheckTable.ts';
import { formatDiagnostic } from '../../cli/readFiles.ts';
import { runCheck, type CheckRun } from '../../cli/runCheck.ts';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import { MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { xmlProblems } from './xmlWellFormed.ts';
import { ROOT, runLlct } from './runLlct.ts';

const HANOI = join(ROOT, 'fixtures', 'cadres', 'hanoi-2024-central-agencies.csv');
const FLAGS = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];
const DEFAULTS = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' } as const;
let dir: string;

const llct = (...args: string[]) => runLlct(dir, args, 200 * 1024 * 1024);

/**
 * 2,400 generated cadres; every third row carries its own nomination (each level and mode, dates under 57 and
 * 350, and one before 57 that no regulation covers).
 */
function cohort(): CadreProfileInput[] {
  const dates = ['2022-02-08', '2024-03-01', '2025-08-28', '2025-08-29', '2026-06-30', '2021-12-31'];
  return generateBuiltinCohort({ count: 2400, seed: 99 }).map((p, i) => {
    if (i % 3 !== 0) return p;
    const k = i / 3;
    return { ...p, nomination: { level: TRAINING_LEVELS[k % 3]!, mode: MODES[Math.floor(k / 3) % 2]!, on: dates[Math.floor(k / 6) % dates.length]! } };
  });
}

/** The cohort as CSV, with bad rows of each kind spread through it. */
function csvText(profiles: CadreProfileInput[]): string {
  const lines = cadresToCsv(profiles).trimEnd().split('\n');
  const width = lines[0]!.split(',').length;
  const cells = (over: Record<number, string>) => Array.from({ length: width }, (_, i) => over[i] ?? '').join(',');
  lines.splice(500, 0, cells({ 0: 'BAD-SEX', 2: 'femal', 3: '1980-01-01', 9: 'university' }));
  lines.splice(900, 0, lines[20]!);
  lines.splice(1300, 0, `${cells({ 0: 'EXTRA', 2: 'male', 3: '1980-01-01', 9: 'university' })},surplus`);
  lines.splice(1700, 0, cells({ 0: 'NO-BIRTH', 2: 'male', 9: 'university' }));
  lines.push(`UNCLOSED,"Nguyễn Văn ${'A'.repeat(3)},male`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The cohort as JSON lines, with a syntax error, a non-object, an unknown field, a forbidden key and a duplicate. */
function jsonLinesText(profiles: CadreProfileInput[]): string {
  const lines = profiles.map((p) => JSON.stringify(p));
  lines.splice(300, 0, '{"id": "SYNTAX" "sex": "male"}');
  lines.splice(700, 0, '[1, 2]', '');
  lines.splice(1100, 0, JSON.stringify({ ...profiles[5], id: 'UNKNOWN-FIELD', hobby: 'cờ tướng' }));
  lines.splice(1500, 0, '{"id": "PROTO", "sex": "male", "birthDate": "1980-01-01", "education": "college", "__proto__": {"x": 1}}');
  lines.splice(1900, 0, lines[40]!);
  return `${lines.join('\n')}\n`;
}

/** What the whole-file path (read everything, check, format) prints for a file. */
async function wholeFile(file: string, format: 'json' | 'csv' | 'junit' | 'table', lang: 'vi' | 'en' = 'vi') {
  const text = readFileSync(join(dir, file), 'utf8');
  const read = readCadresFromText(text, { file, positions: builtinDocuments().positions });
  const run: CheckRun = await runCheck(read, file, createBuiltinChecker({ evaluator: createCompiledEvaluator }), DEFAULTS);
  const stdout = format === 'json' ? formatCheckJson(run, lang) : format === 'csv' ? formatCheckCsv(run, lang)
    : format === 'junit' ? formatCheckJunit(run, lang) : formatCheckTable(run, lang);
  const messages = format === 'table' ? run.warnings : [...run.warnings, ...run.errors];
  return { stdout, stderr: messages.map((d) => `${formatDiagnostic(d, lang)}\n`).join(''), run };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'llct-stream-'));
  const profiles = cohort();
  writeFileSync(join(dir, 'cohort.csv'), csvText(profiles));
  writeFileSync(join(dir, 'cohort.jsonl'), jsonLinesText(profiles));
  writeFileSync(join(dir, 'cohort.json'), JSON.stringify(profiles.slice(0, 800), null, 1));
  // No extension: the reader tells JSON lines from the content.
  writeFileSync(join(dir, 'cohort-lines'), jsonLinesText(profiles.slice(0, 300)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Most tests here start several `llct` processes (up to nine): some took 16–30 s on the shared 2-core machine under
// load, and the default 30 s ran out once. This limit (here and in the next block) only guards against a hang.
describe('llct check streams its input', { timeout: 120_000 }, () => {
  it('prints for CSV, JSON lines and JSON input the JSON document the whole-file path prints, errors included', async () => {
    for (const file of ['cohort.csv', 'cohort.jsonl', 'cohort.json', 'cohort-lines']) {
      const expected = await wholeFile(file, 'json');
      expect(expected.run.errors.length).toBeGreaterThan(0);
      expect(expected.run.results.length).toBeGreaterThan(200);
      const got = await llct('check', '--cadres', file, ...FLAGS, '--format', 'json', '--workers', '0', '--batch-rows', '100');
      expect(got.stdout).toBe(expected.stdout);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.code).toBe(1);
    }
  });

  it('prints the CSV, JUnit and table outputs of the whole-file formatters, in English too', async () => {
    for (const format of ['csv', 'junit', 'table'] as const) {
      for (const lang of ['vi', 'en'] as const) {
        const expected = await wholeFile('cohort.csv', format, lang);
        const got = await llct('check', '--cadres', 'cohort.csv', ...FLAGS, '--format', format, '--lang', lang, '--batch-rows', '333');
        expect(got.stdout).toBe(expected.stdout);
        expect(got.stderr).toBe(expected.stderr);
      }
    }
  });

  for (const file of ['cohort.csv', 'cohort.jsonl']) {
    it(`gives byte for byte the same stdout and stderr on worker threads as on the main thread (${file}, every format)`, async () => {
      for (const format of ['json', 'junit', 'table', 'csv']) {
        const single = await llct('check', '--cadres', file, ...FLAGS, '--format', format, '--workers', '0');
        const threaded = await llct('check', '--cadres', file, ...FLAGS, '--format', format, '--workers', '2', '--batch-rows', '257');
        expect(threaded.code).toBe(single.code);
        expect(threaded.stdout).toBe(single.stdout);
        expect(threaded.stderr).toBe(single.stderr);
      }
      const junit = await llct('check', '--cadres', file, ...FLAGS, '--format', 'junit', '--workers', '1', '--batch-rows', '64');
      expect(xmlProblems(junit.stdout)).toEqual([]);
    }, 120_000);
  }

  it('reads a JSON document whole (no workers) and still prints what the whole-file path prints', async () => {
    const expected = await wholeFile('cohort.json', 'json');
    const got = await llct('check', '--cadres', 'cohort.json', ...FLAGS, '--format', 'json', '--workers', '2');
    expect(got.stdout).toBe(expected.stdout);
  });

  it('writes progress to stderr only, and nothing of it to stdout', async () => {
    const plain = await llct('check', '--cadres', 'cohort.csv', ...FLAGS, '--format', 'csv');
    const withProgress = await llct('check', '--cadres', 'cohort.csv', ...FLAGS, '--format', 'csv', '--progress');
    expect(withProgress.stdout).toBe(plain.stdout);
    expect(withProgress.stderr).toMatch(/^Đang kiểm tra \d+ hàng \(100%\)$/m);
    expect(withProgress.stderr.replace(/^Đang kiểm tra .*\n/gm, '')).toBe(plain.stderr);
  });
});

describe('llct check --engine', { timeout: 120_000 }, () => {
  it('reference (json-rules-engine) prints exactly what compiled (the default) prints on the Hà Nội fixture', async () => {
    const compiled = await llct('check', '--cadres', HANOI, ...FLAGS, '--format', 'json');
    const reference = await llct('check', '--cadres', HANOI, ...FLAGS, '--format', 'json', '--engine', 'reference');
    expect(JSON.parse(compiled.stdout).summary.total).toBe(210);
    expect(reference.stdout).toBe(compiled.stdout);
    expect(reference.code).toBe(compiled.code);
  });

  it('reference prints exactly what compiled prints for generated cadres across levels, modes and dates, on workers too', async () => {
    for (const file of ['cohort.csv', 'cohort.jsonl']) {
      const compiled = await llct('check', '--cadres', file, ...FLAGS, '--format', 'json', '--engine', 'compiled');
      const reference = await llct('check', '--cadres', file, ...FLAGS, '--format', 'json', '--engine', 'reference', '--workers', '2', '--batch-rows', '500');
      expect(reference.stdout).toBe(compiled.stdout);
      expect(reference.stderr).toBe(compiled.stderr);
      const doc = JSON.parse(compiled.stdout) as { results: { level: string; mode: string; regulation: string }[] };
      expect(new Set(doc.results.map((r) => `${r.level}/${r.mode}/${r.regulation}`)).size).toBe(12);
    }
  });
});
