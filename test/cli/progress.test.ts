/**
 * Progress on stderr (`--progress`, not a terminal) ends on the final count: the 100 % line can come when the whole
 * file is read but not yet checked, so the log's last line must still say how many rows were done.
 */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/progress.ts';
import { ROOT, runLlct } from './runLlct.ts';

const HANOI = 'fixtures/cadres/hanoi-2024-central-agencies.csv';
const NOM = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01'];
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('progress off a terminal', () => {
  it('writes the last update when the 100 % line was written before it', () => {
    const lines: string[] = [];
    const p = createProgress(true, false, (t) => lines.push(t), 'Checking');
    p.update(100, 100, '180 rows');
    p.update(100, 100, '210 rows');
    p.finish();
    expect(lines).toEqual(['Checking 180 rows (100%)\n', 'Checking 210 rows (100%)\n']);
  });

  it('writes nothing more at the end when the last update was written', () => {
    const lines: string[] = [];
    const p = createProgress(true, false, (t) => lines.push(t), 'Checking');
    p.update(100, 100, '210 rows');
    p.finish();
    expect(lines).toEqual(['Checking 210 rows (100%)\n']);
  });

  it('ends check --progress on all 210 rows of the Hà Nội list, in small batches too', async () => {
    for (const extra of [[], ['--batch-rows', '20'], ['--workers', '1', '--batch-rows', '20']]) {
      const r = await runLlct(ROOT, ['check', '--cadres', HANOI, ...NOM, '--format', 'csv', '--progress', '--lang', 'en', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      expect(lastLine(r.stderr)).toMatch(/^Checking( \(1 worker\))? 210 rows \(100%\)$/);
    }
  }, 60_000);

  it('ends diff --progress on all 210 rows', async () => {
    const r = await runLlct(ROOT, ['diff', '--cadres', HANOI, ...NOM, '--b', '350-qd-tw', '--format', 'csv', '--progress', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastLine(r.stderr)).toBe('Comparing 210 rows (100%)');
  }, 60_000);

  it('reports generate --progress for a cohort under one batch, ending on its count', async () => {
    const r = await runLlct(ROOT, ['generate', '--count', '5', '--seed', '1', '--progress', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastLine(r.stderr)).toBe('Generating 5/5 (100%)');
  }, 60_000);

  it('names the evaluator and the threads a run uses', async () => {
    const check = await runLlct(ROOT, ['check', '--cadres', HANOI, ...NOM, '--format', 'csv', '--progress', '--lang', 'en', '--engine', 'reference', '--workers', '2']);
    expect(lastLine(check.stderr)).toBe('Checking (reference, 2 workers) 210 rows (100%)');
    const simulate = await runLlct(ROOT, ['simulate', '--plan', 'fixtures/plans/ha-noi-2024.json', '--runs', '3', '--generate', '40', '--workers', '1', '--progress', '--lang', 'en']);
    expect(lastLine(simulate.stderr)).toBe('Simulating (1 worker) 3/3 runs (100%)');
  }, 60_000);
});
